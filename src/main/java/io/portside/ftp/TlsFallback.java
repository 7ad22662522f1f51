package io.portside.ftp;

import io.portside.ftp.event.ProtocolEvent.Notice.Severity;
import io.portside.ftp.tls.TlsLayer;
import java.io.IOException;

/**
 * TLS 1.3 first, and TLS 1.2 for the rest of the session once a data connection could not
 * resume the 1.3 session. Servers that require session reuse (vsftpd, proftpd, FileZilla
 * Server) refuse such data connections, and under TLS 1.3 JSSE resumes with a session ticket,
 * which it offers once and only under the host:port it came from, so data connections cannot
 * keep resuming; under TLS 1.2 every data connection resumes the control session (see
 * SessionCacheBridge).
 */
final class TlsFallback {
    interface FtpCall<T> {
        T call() throws FtpException;
    }

    /** Says whether an operation that failed may run again (nothing of it was consumed, or it rewound). */
    interface RerunGuard {
        boolean ready();
    }

    /** TLS 1.3 first; see TlsLayer for how data connections resume the control session under both. */
    private static final String[] TLS_VERSIONS = {"TLSv1.3", "TLSv1.2"};

    private final FtpSession session;
    private final SessionTurn turn;
    private String[] versions = TLS_VERSIONS;

    TlsFallback(FtpSession session, SessionTurn turn) {
        this.session = session;
        this.turn = turn;
    }

    /** The TLS versions the next control connection offers. */
    String[] versions() {
        return versions;
    }

    /**
     * Runs a data-connection operation; when it fails on an FTPS session whose data connection
     * could not resume the TLS 1.3 session, reconnects with TLS 1.2 and runs it once more. The
     * operation runs again only when its {@code guard} says that is safe (no byte reached the
     * sink, or the upload source rewound); otherwise the error is thrown and the reconnected
     * session serves the caller's retry.
     */
    <T> T run(FtpCall<T> op, RerunGuard guard) throws FtpException {
        try {
            return op.call();
        } catch (FtpException e) {
            TlsLayer layer = session.tls();
            if (layer == null || !layer.lastDataFailedToResumeTls13() || versions.length == 1
                    || e instanceof TransferAbortedException) {
                throw e;
            }
            downgrade(e);
            if (!guard.ready()) {
                throw e;
            }
            return op.call();
        }
    }

    private void downgrade(FtpException cause) throws FtpException {
        session.notice(Severity.WARNING, "tls.downgrade", cause.getMessage());
        turn.take();
        try {
            versions = new String[] {"TLSv1.2"};
            session.reconnect();
        } catch (IOException e) {
            session.disconnect();
            throw Failures.explain(e, "reconnecting with TLS 1.2");
        } finally {
            turn.release();
        }
    }
}
