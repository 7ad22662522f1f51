package io.portside.ftp;

/** Told how many bytes a transfer has moved so far (called often: keep it cheap). */
@FunctionalInterface
public interface TransferListener {
    TransferListener NONE = bytes -> { };

    void transferred(long bytesSoFar);
}
