package io.portside.compare;

/** Which way a sync copies. */
public enum SyncDirection {
    /** The server's folder is the source: downloads, and deletes on the local side. */
    REMOTE_TO_LOCAL,
    /** The local folder is the source: uploads, and deletes on the server. */
    LOCAL_TO_REMOTE,
    /** Both ways: the newer file wins; what cannot be told apart is a conflict. Deletes nothing. */
    BOTH
}
