package io.portside.ui;

import io.portside.ftp.SessionOptions;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.tls.TlsPolicy;
import io.portside.ftp.Site;
import io.portside.transfer.MissingPasswords;
import io.portside.transfer.QueueSettings;
import io.portside.transfer.QueueStore;
import io.portside.ui.settings.Preferences;
import io.portside.transfer.SessionFactory;
import io.portside.transfer.TransferQueue;
import io.portside.transfer.TypeChoice;
import io.portside.ui.capture.WindowCapture;
import io.portside.ui.connection.ConnectionViewModel;
import io.portside.ui.dialog.ConflictDialog;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.fx.UiText;
import io.portside.ui.queue.QueueViewModel;
import io.portside.ui.queue.WorkerSessions;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The window's transfer queue, started, with the view-model the queue tab and status bar bind
 * to. Its workers open sessions of their own, with the connection bar's options and the
 * window's certificate decisions, and a data-mode switch in the menu reaches them too.
 */
final class Transfers implements AutoCloseable {
    private final WorkerSessions sessions;
    private final TransferQueue queue;
    private final QueueViewModel model;

    /**
     * @param window    owns the conflict dialog the queue asks through
     * @param passwords for sites of jobs restored from the saved queue, which keeps no passwords
     * @param capture   started for a job's host before its worker connects
     */
    Transfers(ConnectionViewModel connection, ProtocolEventBus bus, TlsPolicy tlsPolicy, Supplier<Window> window,
              UiText text, FxBatcher bridge, QueueSettings settings, Function<Site, String> passwords,
              WindowCapture capture) {
        // the workers open sessions on their threads: they read this snapshot, never the bar's properties
        AtomicReference<SessionOptions> options = new AtomicReference<>(connection.options());
        SessionFactory open = SessionFactory.of(options::get, bus, tlsPolicy);
        SessionFactory captured = (site, owner) -> {
            capture.beforeConnect(site.host());
            return open.open(site, owner);
        };
        sessions = new WorkerSessions(new MissingPasswords(captured, passwords));
        queue = new TransferQueue(settings, sessions);
        queue.setConflictResolver(ConflictDialog.resolver(window, text));
        queue.start();
        model = new QueueViewModel(queue, bridge);
        connection.onOptionsChanged(o -> {
            SessionOptions before = options.getAndSet(o);
            if (before.mode() != o.mode() || before.extended() != o.extended()) {
                sessions.setMode(o.mode(), o.extended()); // the open sessions switch too
            }
        });
    }

    /**
     * Puts back the jobs of the last run and keeps the queue saved in {@code store} from now on.
     * Reads a file: call it off the FX thread.
     */
    QueueStore.Restored restore(QueueStore store) {
        return queue.restoreFrom(store);
    }

    /** Edit › Settings…: from the next transfer on (fewer parallel transfers as running ones end). */
    void apply(Preferences p) {
        QueueSettings s = p.applyTo(queue.settings());
        queue.setParallelism(s.parallelism());
        queue.setPerSiteLimit(s.perSiteLimit());
        queue.setSpeedLimits(s.downloadLimit(), s.uploadLimit());
        queue.setPreserveTimes(s.preserveTimes());
        queue.setRetryPolicy(s.retry());
        if (s.conflict() != queue.settings().conflict()) {
            queue.setConflictPolicy(s.conflict());
        }
    }

    /** Text or bytes from the next transfer on (Files › Transfer type). */
    void setTransferType(TypeChoice type) {
        queue.setTransferType(type);
    }

    TransferQueue queue() {
        return queue;
    }

    QueueViewModel model() {
        return model;
    }

    /** Stops the queue's updates, then its workers, then their sessions. */
    @Override
    public void close() {
        model.close();
        queue.close();
        sessions.close();
    }
}
