package io.portside.compare;

import io.portside.files.FileEntry;

/**
 * One entry of a comparison: the same relative path on both sides.
 *
 * @param path   "/"-separated below the compared folders ("docs/a b.txt")
 * @param local  null when only the server has it
 * @param remote null when only the local folder has it; its time as listed (or from MDTM, when
 *               the listing was too coarse), before the rule's server offset
 * @param time   how the two times stand (UNKNOWN unless both are files)
 */
public record EntryComparison(String path, FileEntry local, FileEntry remote, EntryState state, TimeOrder time) {

    /** The entry's name (the last part of the path). */
    public String name() {
        return (local != null ? local : remote).name();
    }

    /** A folder on every side that has it (a type clash is neither). */
    public boolean folder() {
        return state != EntryState.TYPE_CLASH && (local != null ? local : remote).directory();
    }

    public boolean sizeDiffers() {
        return local != null && remote != null && !local.directory() && !remote.directory()
                && local.size() >= 0 && remote.size() >= 0 && local.size() != remote.size();
    }
}
