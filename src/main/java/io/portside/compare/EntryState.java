package io.portside.compare;

import java.util.Locale;

/** How one entry of a local folder stands against the remote one (or the other way round). */
public enum EntryState {
    SAME,
    ONLY_LOCAL,
    ONLY_REMOTE,
    DIFFERENT_SIZE,
    LOCAL_NEWER,
    REMOTE_NEWER,
    /** A file on one side, a folder of the same name on the other. */
    TYPE_CLASH;

    /** As the command line prints it: "only local", "different size". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
