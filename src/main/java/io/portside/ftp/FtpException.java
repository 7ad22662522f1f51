package io.portside.ftp;

import io.portside.ftp.event.FailureCause;
import java.io.IOException;

/**
 * A failure of the connection layer. Its message is a sentence meant for the user (UI, log and
 * CLI print it as is); {@link #cause()} classifies network failures.
 */
public class FtpException extends IOException {
    private final FailureCause failure;

    public FtpException(String message) {
        this(message, null, null);
    }

    public FtpException(String message, FailureCause failure, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    /** The network failure behind this error, or null when the server answered with a refusal. */
    public FailureCause failure() {
        return failure;
    }

    /**
     * True when trying again later may succeed (a dropped connection, a timeout, a busy server),
     * false for refusals that will not change (wrong password, no such file).
     */
    public boolean isTransient() {
        return failure != null && failure != FailureCause.UNKNOWN_HOST;
    }
}
