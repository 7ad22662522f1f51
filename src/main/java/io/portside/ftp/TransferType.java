package io.portside.ftp;

/**
 * How a file's contents cross the data connection. BINARY (TYPE I, the default) moves the bytes
 * as they are. ASCII (TYPE A) moves text: each side turns line ends into its own (CRLF on the
 * wire), so the copy's size differs from the source's and a broken transfer cannot be resumed
 * at a byte offset.
 */
public enum TransferType {
    BINARY, ASCII
}
