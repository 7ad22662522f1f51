package io.portside.ftp;

import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.Notice.Severity;
import io.portside.ftp.event.ProtocolEventBus;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * How a session's parts run a command on the control connection: take the turn, run it,
 * explain a failure in words (closing the session when the connection is out of step) and give
 * the turn back. Used by {@link FtpSession}, {@link RemoteFileCommands}, {@link SessionTransfers}
 * and {@link TlsFallback}.
 */
final class SessionCalls {
    interface IoCall<T> {
        T call() throws IOException;
    }

    interface IoCheck {
        boolean run() throws IOException;
    }

    private final FtpSession session;
    private final SessionTurn turn;
    private final ProtocolEventBus bus;

    SessionCalls(FtpSession session, SessionTurn turn, ProtocolEventBus bus) {
        this.session = session;
        this.turn = turn;
        this.bus = bus;
    }

    /** Runs {@code body} with the turn; {@code what} names it in a failure (the command, "SIZE a.txt"). */
    <T> T call(UserMessage what, IoCall<T> body) throws FtpException {
        acquire();
        try {
            return body.call();
        } catch (IOException | RuntimeException e) {
            throw failure(e, what);
        } finally {
            turn.used();
            turn.release();
        }
    }

    /** As {@link #call}, for a command Commons Net answers with true (done) or false (refused). */
    void run(UserMessage what, IoCheck body) throws FtpException {
        call(what, () -> {
            if (!body.run()) {
                throw session.client().refusal(UserMessage.of("refused.command", what), true);
            }
            return null;
        });
    }

    /** Runs a command with a data connection (a listing), and ends that connection afterwards. */
    <T> T transferring(IoCall<T> body) throws IOException {
        try {
            return body.call();
        } finally {
            session.connector().transferEnded();
        }
    }

    /** Takes the turn, for a command or a transfer; fails at once when the connection is closed. */
    void acquire() throws FtpException {
        turn.take();
        if (!session.isConnected()) {
            turn.release();
            throw new FtpException(UserMessage.of("session.notConnected", session.site().host()),
                    FailureCause.CLOSED, null);
        }
    }

    /**
     * Explains an exception. Anything but a refusal or a failed data connection (a timeout or
     * a garbled reply on the control connection) leaves the control connection out of step
     * with the server, so the session is closed: the caller reconnects rather than read the
     * wrong reply to its next command.
     */
    FtpException failure(Throwable e, UserMessage what) {
        FtpException f = Failures.explain(e, what);
        if (!(e instanceof FtpException)) {
            session.disconnect();
        }
        if (!(f instanceof FtpReplyException)) {
            // A refusal is already in the log as the server's own 4xx/5xx reply; many are routine
            // (SIZE of a file that does not exist yet), so only failures get a line of their own.
            notice(Severity.ERROR, "error", f.words());
        }
        return f;
    }

    void notice(Severity severity, String key, Object... args) {
        bus.publish(new ProtocolEvent.Notice(Instant.now(), session.connectionId(), severity, key, List.of(args)));
    }
}
