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

    static FtpException explain(Throwable e, UserMessage what) {
        if (e instanceof FtpException f) {
            return f;
        }
        if (e instanceof FTPConnectionClosedException) {
            return new FtpException(UserMessage.of("failed.closedByServer", what, firstLine(e.getMessage())),
                    FailureCause.CLOSED, e);
        }
        if (e instanceof javax.net.ssl.SSLException || e.getCause() instanceof javax.net.ssl.SSLException) {
            return new FtpException(UserMessage.of("failed.because", what, TlsFailures.explain((java.io.IOException) e)),
                    FailureCause.of(e), e);
        }
        if (e instanceof BoundedReplyReader.ReplyTooLongException) {
            return new FtpProtocolException(UserMessage.of("failed.because", what, UserMessage.of(e)));
        }
        if (e instanceof MalformedServerReplyException) {
            return new FtpProtocolException(UserMessage.of("failed.malformed", what, firstLine(e.getMessage())));
        }
        FailureCause cause = FailureCause.of(e);
        Object why = switch (cause) {
            case REFUSED -> UserMessage.of("why.refused");
            case TIMED_OUT -> e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).contains("connect timed")
                    ? UserMessage.of("why.noAnswer")
                    : UserMessage.of("why.timedOut");
            case RESET -> UserMessage.of("why.reset");
            case UNREACHABLE -> UserMessage.of("why.unreachable");
            case UNKNOWN_HOST -> UserMessage.of("why.unknownHost");
            case CLOSED -> UserMessage.of("why.closed");
            case OTHER -> firstLine(String.valueOf(e.getMessage()));
        };
        return new FtpException(UserMessage.of("failed.because", what, why), cause, e);
    }

    /** A data connection that broke mid-transfer (reset, timed out): worth a retry. */
    static FtpException dataBroke(IOException e, UserMessage what) {
        if (e instanceof FtpException f) {
            return f;
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new FtpException(UserMessage.of("failed.dataBroke", what, why), FailureCause.of(e), e);
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
