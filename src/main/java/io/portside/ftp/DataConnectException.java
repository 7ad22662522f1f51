package io.portside.ftp;

import io.portside.ftp.event.FailureCause;

/** A data connection could not be set up in the chosen mode (the other mode may still work). */
public class DataConnectException extends FtpException {
    public DataConnectException(UserMessage words, FailureCause failure, Throwable cause) {
        super(words, failure, cause);
    }
}
