package io.portside.ftp.event;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Why a TCP connection could not be made or broke, classified from the exception Java gives. */
public enum FailureCause {
    REFUSED, TIMED_OUT, RESET, UNREACHABLE, UNKNOWN_HOST, CLOSED, OTHER;

    /** Classifies {@code t}, looking through its causes (Commons Net wraps timeouts in IOException). */
    public static FailureCause of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            FailureCause cause = classify(c);
            if (cause != OTHER) {
                return cause;
            }
        }
        return OTHER;
    }

    private static FailureCause classify(Throwable t) {
        if (t instanceof SocketTimeoutException) {
            return TIMED_OUT;
        }
        if (t instanceof ConnectException) {
            return REFUSED;
        }
        if (t instanceof NoRouteToHostException || t instanceof PortUnreachableException) {
            return UNREACHABLE;
        }
        if (t instanceof UnknownHostException) {
            return UNKNOWN_HOST;
        }
        String msg = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (t instanceof SocketException && (msg.contains("reset") || msg.contains("broken pipe"))) {
            return RESET;
        }
        if (msg.contains("closed")) {
            return CLOSED;
        }
        return OTHER;
    }
}
