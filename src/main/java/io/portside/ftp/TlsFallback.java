package io.portside.ftp;

import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.ProtocolEvent.Notice.Severity;
import io.portside.ftp.tls.Tls12Servers;
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

    /** TLS 1.3 first; see TlsLayer for how data connections resume the control session under both. */
    private static final String[] TLS_VERSIONS = {"TLSv1.3", "TLSv1.2"};

    private static final String[] TLS12_ONLY = {"TLSv1.2"};

    private final FtpSession session;
    private final SessionCalls calls;
    private final SessionTurn turn;
    private final Tls12Servers known;
    private String[] versions = TLS_VERSIONS;

    TlsFallback(FtpSession session, SessionCalls calls, SessionTurn turn, Tls12Servers known) {
        this.session = session;
        this.calls = calls;
        this.turn = turn;
        this.known = known;
    }

    /** The TLS versions the next control connection offers. */
    String[] versions() {
        Site site = session.site();
        return known.contains(site.host(), site.port()) ? TLS12_ONLY : versions;
    }

    /**
     * Runs a listing; when it fails on an FTPS session whose data connection could not resume
     * the TLS 1.3 session, reconnects with TLS 1.2 and runs it once more. A listing is read
     * whole before the caller sees any of it, so running it again is always safe; transfers,
     * whose bytes are already on their way, use {@link #afterStreamFailure} instead.
     */
    <T> T run(FtpCall<T> op) throws FtpException {
        try {
            return op.call();
        } catch (ReconnectedWithTls12 e) {
            return op.call(); // the listing's stream already fell back (afterStreamFailure): only run it again
        } catch (FtpException e) {
            if (!failedToResume(e)) {
                throw e;
            }
            downgrade(e);
            return op.call();
        }
    }

    /**
     * For transfers through the session's streams (the queue's), which cannot be run again here:
     * when {@code failure} is a data connection that could not resume TLS 1.3, reconnects with
     * TLS 1.2 (or leaves the next session to start with it, as servers like vsftpd end the
     * session after a 522) and returns a failure the queue retries; else returns it unchanged.
     */
    FtpException afterStreamFailure(FtpException failure) {
        if (!failedToResume(failure)) {
            return failure;
        }
        UserMessage message = UserMessage.of("tls.retrying", failure.words());
        try {
            downgrade(failure);
        } catch (FtpException reconnectFailed) {
            // the session is closed; the queue's retry opens a new one, with TLS 1.2
            return new FtpException(message, FailureCause.RESET, failure);
        }
        return new ReconnectedWithTls12(message, failure);
    }

    /** A transfer failed to resume TLS 1.3 and the session is now connected with TLS 1.2: retry it. */
    static final class ReconnectedWithTls12 extends FtpException {
        ReconnectedWithTls12(UserMessage message, FtpException cause) {
            super(message, FailureCause.RESET, cause);
        }
    }

    private boolean failedToResume(FtpException e) {
        TlsLayer layer = session.tls();
        // this session's last data connection ran TLS 1.3, so it offered 1.3: true even when another
        // session has meanwhile learnt that the server needs 1.2 (versions() then says 1.2 only)
        return layer != null && layer.lastDataFailedToResumeTls13() && versions.length > 1
                && !(e instanceof TransferAbortedException) && looksLikeReuseRefusal(e);
    }

    /**
     * How servers refuse a data connection that did not resume: vsftpd answers 522, others 425
     * or 426, or drop the connection. A refusal of the file itself (550, 553, a full disk's 452)
     * says nothing about TLS and must not cost a reconnect.
     */
    private static boolean looksLikeReuseRefusal(FtpException e) {
        if (e instanceof FtpReplyException r) {
            return r.code() == 522 || r.code() == 425 || r.code() == 426;
        }
        return e.failure() != null;
    }

    private void downgrade(FtpException cause) throws FtpException {
        calls.notice(Severity.WARNING, "tls.downgrade", cause.words());
        turn.take();
        try {
            versions = TLS12_ONLY;
            session.reconnect();
            // remembered only once TLS 1.2 worked: a server without it must not be locked out
            Site site = session.site();
            known.add(site.host(), site.port());
        } catch (IOException e) {
            session.disconnect();
            throw Failures.explain(e, UserMessage.of("doing.reconnectingTls12"));
        } finally {
            turn.release();
        }
    }
}
