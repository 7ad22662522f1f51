package io.portside.compare;

/** Which side's modification time is later, as far as the two listings can tell. */
public enum TimeOrder {
    /** Within the tolerance of each other. */
    SAME,
    LOCAL_NEWER,
    REMOTE_NEWER,
    /** A listing too coarse to tell (a LIST time to the minute or day) and no MDTM to settle it. */
    AMBIGUOUS,
    /** One side has no time at all. */
    UNKNOWN;

    public boolean decided() {
        return this == SAME || this == LOCAL_NEWER || this == REMOTE_NEWER;
    }
}
