package io.portside.ftp;

/** A transfer was cancelled by the user ({@link FtpSession#abort()}). */
public class TransferAbortedException extends FtpException {
    public TransferAbortedException(UserMessage words) {
        super(words);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
