package io.portside.transfer;

/** Which way the bytes go. */
public enum Direction {
    DOWNLOAD, UPLOAD
}
