package io.portside.ui.connection;

import io.portside.ftp.FtpException;
import io.portside.ui.capture.WindowCapture;
import io.portside.ftp.UserMessage;
import io.portside.ftp.FtpSession;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.tls.TlsPolicy;
import io.portside.ui.fx.FxBatcher;
import java.time.Instant;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The life of the "browse" session: opening it (cancellable), noticing at once when its control
 * connection closes, and opening it again, silently, when the remote pane next needs it. The
 * session is used on the browse worker only; what the window shows changes on the FX thread,
 * through {@link Events}.
 *
 * <p>A reconnect happens only when something asks for the session (a refresh, a folder, a
 * transfer's refresh), never in a loop; after {@link #MAX_RECONNECTS} failed reconnects in a
 * row it gives up and says so.
 */
final class BrowseSession {
    static final int MAX_RECONNECTS = 3;

    /** What the window hears (FX thread). */
    interface Events {
        /** Connected; {@code fresh} unless it was a reconnect to the same site and folder. */
        void connected(FtpSession session, Site site, boolean fresh);

        /** The control connection closed (by the server, or it broke) while nobody was using it. */
        void lost();

        /** An attempt failed; {@code gaveUp} after the last reconnect attempt, else a fresh connect failed. */
        void failed(FtpException e, boolean reconnect, boolean gaveUp);
    }

    /** What a session is opened with: kept for the reconnect. */
    private record Target(Site site, SessionOptions options, TlsPolicy tls) {
    }

    private final ProtocolEventBus bus;
    private final Executor worker;
    private final FxBatcher bridge;
    private final Events events;
    private volatile FtpSession session;
    private volatile FtpSession opening;
    /** The window's packet capture, started for the host before each connect; null for none. */
    private volatile WindowCapture capture;
    /** What the user connected to, until they disconnect; null when they did not, or gave up. */
    private volatile Target target;
    /** Bumped by every connect, cancel and disconnect: an attempt that finds it changed was cancelled. */
    private volatile long generation;
    private int failures; // browse worker only
    private boolean recheckPending; // FX thread only

    BrowseSession(ProtocolEventBus bus, Executor worker, FxBatcher bridge, Events events) {
        this.bus = bus;
        this.worker = worker;
        this.bridge = bridge;
        this.events = events;
        // a closed control connection is reported by its socket; whether it is ours is checked on the FX thread
        bus.subscribe("browse-watch", e -> {
            if ((e instanceof ProtocolEvent.TcpClosed || e instanceof ProtocolEvent.TcpFailed) && e.connection().isControl()) {
                bridge.post(this::checkAlive);
            }
        });
    }

    FtpSession current() {
        return session;
    }

    /** A fresh connection (FX thread): to the site's home folder. */
    void open(Site site, SessionOptions options, TlsPolicy tls) {
        long attempt = ++generation;
        Target t = new Target(site, options, tls);
        target = t;
        worker.execute(() -> {
            closeQuietly();
            failures = 0;
            try {
                FtpSession s = attempt(t, attempt);
                bridge.post(() -> events.connected(s, site, true));
            } catch (FtpException e) {
                if (generation == attempt) {
                    target = null;
                    bridge.post(() -> events.failed(e, false, false));
                }
            }
        });
    }

    /**
     * The session, connected (browse worker): when its connection has closed, a new one to the
     * same site, back in {@code folder} (the log says why). Throws in words when that fails.
     */
    FtpSession live(String folder) throws FtpException {
        FtpSession s = session;
        if (s != null && s.isConnected()) {
            return s;
        }
        Target t = target;
        if (s == null || t == null) {
            throw new FtpException(UserMessage.verbatim("not connected"), FailureCause.CLOSED, null);
        }
        long attempt = generation;
        s.close();
        try {
            FtpSession fresh = attempt(t, attempt);
            failures = 0;
            String old = s.connectionId().toString();
            fresh.report(id -> new ProtocolEvent.Notice(Instant.now(), id, ProtocolEvent.Notice.Severity.INFO,
                    "reconnected", List.of(old, folder == null || folder.isEmpty() ? "/" : folder)));
            bridge.post(() -> events.connected(fresh, t.site(), false));
            return fresh;
        } catch (FtpException e) {
            boolean gaveUp = ++failures >= MAX_RECONNECTS;
            if (gaveUp && generation == attempt) {
                target = null;
            }
            bridge.post(() -> events.failed(e, true, gaveUp));
            throw e;
        }
    }

    void setCapture(WindowCapture c) {
        capture = c;
    }

    /** Opens a session for {@code t} unless cancelled meanwhile; becomes the current session. */
    private FtpSession attempt(Target t, long attempt) throws FtpException {
        FtpSession s;
        WindowCapture cap = capture;
        if (cap != null) {
            cap.beforeConnect(t.site().host());
        }
        try {
            s = FtpSession.open(t.site(), t.options(), bus, "browse", t.tls(), o -> opening = o);
        } finally {
            opening = null;
        }
        if (generation != attempt) {
            s.close();
            throw new FtpException(UserMessage.verbatim("the connection attempt was cancelled"), FailureCause.CLOSED, null);
        }
        session = s;
        return s;
    }

    /** Stops an attempt under way (FX thread): its connection closes at once. */
    void cancel() {
        generation++;
        target = null;
        FtpSession o = opening;
        if (o != null) {
            o.cancelOpening();
        }
    }

    /** The user disconnects (FX thread). */
    void close() {
        cancel();
        FtpSession s = session;
        if (s != null) {
            s.abort();
        }
        worker.execute(this::closeQuietly);
    }

    /**
     * A closed control connection: when it was the session's (still wanted), the window says so.
     * The socket reports its close a moment before the session counts itself disconnected, so a
     * session that still looks connected is looked at once more shortly after.
     */
    private void checkAlive() {
        FtpSession s = session;
        if (s == null || target == null) {
            return;
        }
        if (!s.isConnected()) {
            events.lost();
        } else if (!recheckPending) {
            recheckPending = true;
            PauseTransition later = new PauseTransition(Duration.millis(300));
            later.setOnFinished(e -> {
                recheckPending = false;
                if (session == s && target != null && !s.isConnected()) {
                    events.lost();
                }
            });
            later.play();
        }
    }

    private void closeQuietly() {
        FtpSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }
}
