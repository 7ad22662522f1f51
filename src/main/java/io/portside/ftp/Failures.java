package io.portside.ftp;

import io.portside.ftp.event.FailureCause;
import io.portside.ftp.net.BoundedReplyReader;
import io.portside.ftp.tls.TlsFailures;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.ftp.FTPConnectionClosedException;

/** Turns exceptions from sockets and Commons Net into {@link FtpException}s worded for a user. */
final class Failures {
    private Failures() {
    }

    static FtpException explain(Throwable e, String what) {
        if (e instanceof FtpException f) {
            return f;
        }
        if (e instanceof FTPConnectionClosedException) {
            return new FtpException(what + ": the server closed the connection (" + firstLine(e.getMessage()) + ")",
                    FailureCause.CLOSED, e);
        }
        if (e instanceof javax.net.ssl.SSLException || e.getCause() instanceof javax.net.ssl.SSLException) {
            return new FtpException(what + ": " + TlsFailures.explain((java.io.IOException) e), FailureCause.of(e), e);
        }
        if (e instanceof BoundedReplyReader.ReplyTooLongException) {
            return new FtpProtocolException(what + ": " + e.getMessage());
        }
        if (e instanceof MalformedServerReplyException) {
            return new FtpProtocolException(what + ": the server sent a reply that is not valid FTP: "
                    + firstLine(e.getMessage()));
        }
        FailureCause cause = FailureCause.of(e);
        String why = switch (cause) {
            case REFUSED -> "connection refused (no FTP server listens on that port, or a firewall rejects it)";
            case TIMED_OUT -> e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).contains("connect timed")
                    ? "no answer to the connection attempt (a firewall drops it, or the host is down)"
                    : "the server stopped answering (timed out)";
            case RESET -> "the connection was reset (the server or a firewall dropped it)";
            case UNREACHABLE -> "no route to the host";
            case UNKNOWN_HOST -> "the host name could not be resolved";
            case CLOSED -> "the connection was closed";
            case OTHER -> firstLine(String.valueOf(e.getMessage()));
        };
        return new FtpException(what + ": " + why, cause, e);
    }

    /** A data connection that broke mid-transfer (reset, timed out): worth a retry. */
    static FtpException dataBroke(IOException e, String what) {
        if (e instanceof FtpException f) {
            return f;
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new FtpException(what + ": the data connection broke (" + why + ")", FailureCause.of(e), e);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        String line = nl < 0 ? t : t.substring(0, nl).strip();
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }
}
