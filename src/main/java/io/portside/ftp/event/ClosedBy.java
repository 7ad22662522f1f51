package io.portside.ftp.event;

/** Which side ended a TCP connection, as far as Java can tell. */
public enum ClosedBy {
    /** We read end-of-stream before closing: the peer closed first. */
    SERVER,
    /** We closed it (end of an upload, a quit, an abort). */
    CLIENT
}
