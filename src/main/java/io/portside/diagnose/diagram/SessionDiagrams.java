package io.portside.diagnose.diagram;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.TcpConnecting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One sequence diagram per session seen on the bus (the window's browse session, each transfer
 * worker's, the doctor's attempts), so the user can pick any of them: a session gets its
 * diagram when its control connection starts, and every later event of it feeds that diagram.
 * The oldest diagrams go once {@link #MAX_SESSIONS} are kept. No JavaFX; thread-safe.
 */
public final class SessionDiagrams {
    /** Diagrams kept; a long queue opens a session per worker, not per file, so this is plenty. */
    public static final int MAX_SESSIONS = 50;
    private final Map<ConnectionId, SequenceDiagramModel> byControl = new LinkedHashMap<>();
    private final List<Consumer<ConnectionId>> added = new CopyOnWriteArrayList<>();
    private final Locale locale;

    /** @param locale the language of the diagrams' labels */
    public SessionDiagrams(Locale locale) {
        this.locale = locale;
    }

    /** Told (on the feeding thread) of each new session, by its control connection's id. */
    public void onSessionAdded(Consumer<ConnectionId> listener) {
        added.add(listener);
    }

    /** Feeds one event from the bus. */
    public void accept(ProtocolEvent e) {
        ConnectionId control = ConnectionId.control(e.connection().owner(), e.connection().session());
        SequenceDiagramModel model;
        boolean isNew = false;
        synchronized (this) {
            model = byControl.get(control);
            if (model == null && e instanceof TcpConnecting && e.connection().isControl()) {
                model = SequenceDiagramModel.ofSession(control, locale);
                byControl.put(control, model);
                isNew = true;
                while (byControl.size() > MAX_SESSIONS) {
                    byControl.remove(byControl.keySet().iterator().next());
                }
            }
        }
        if (model == null) {
            return; // a notice of no connection, or a session that started before we listened
        }
        model.accept(e);
        if (isNew) {
            added.forEach(l -> l.accept(control));
        }
    }

    /** The sessions drawn, oldest first, by their control connection's id. */
    public synchronized List<ConnectionId> sessions() {
        return new ArrayList<>(byControl.keySet());
    }

    /** The diagram of the session {@code connection} belongs to. */
    public synchronized Optional<SequenceDiagramModel> of(ConnectionId connection) {
        return Optional.ofNullable(byControl.get(ConnectionId.control(connection.owner(), connection.session())));
    }
}
