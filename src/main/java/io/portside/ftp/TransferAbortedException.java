package io.portside.ftp;

/** A transfer was cancelled by the user ({@link FtpSession#abort()}). */
public class TransferAbortedException extends FtpException {
    public TransferAbortedException(String message) {
        super(message);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
