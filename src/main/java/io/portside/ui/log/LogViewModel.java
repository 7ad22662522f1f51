package io.portside.ui.log;

import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.LogLine;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ui.fx.FxBatcher;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The protocol log as the window shows it. Events are formatted on the bus's thread and reach
 * the FX thread in batches through the {@link FxBatcher}. Memory is bounded: the newest
 * {@code capacity} lines stay in a ring, older ones are spilled to a file (still saved by
 * {@link #saveTo}). {@link #visible()} holds the ring's lines that pass the filters; the list
 * view virtualizes it, so a million lines never become a million cells.
 */
public final class LogViewModel implements AutoCloseable {
    /** The connection filter's "everything" choice. */
    public static final String ALL_CONNECTIONS = "";

    private final LogFormatter formatter;
    private final FxBatcher bridge;
    private final int capacity;
    private final LogSpill spill;
    private final ConcurrentLinkedQueue<LogLine> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final ArrayDeque<LogLine> ring = new ArrayDeque<>();
    private final ObservableList<LogLine> visible = FXCollections.observableArrayList();
    private final ObservableList<String> connections = FXCollections.observableArrayList(ALL_CONNECTIONS);
    private final Map<LogGroup, BooleanProperty> groups = new EnumMap<>(LogGroup.class);
    private final StringProperty textFilter = new SimpleStringProperty("");
    private final ObjectProperty<String> connectionFilter = new SimpleObjectProperty<>(ALL_CONNECTIONS);
    private final BooleanProperty followTail = new SimpleBooleanProperty(true);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper spilled = new ReadOnlyLongWrapper();
    private ProtocolEventBus.Subscription subscription;
    // Which event each line in the ring came from, both ways (by identity: equal lines of two
    // events stay apart), so the handshake diagram and the log can select each other's rows.
    private final Map<LogLine, ProtocolEvent> pendingEvents = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<LogLine, ProtocolEvent> eventOfLine = new IdentityHashMap<>();
    private final Map<ProtocolEvent, LogLine> lineOfEvent = new IdentityHashMap<>();

    public LogViewModel(LogFormatter formatter, FxBatcher bridge, int capacity, Path spillFile) {
        this.formatter = formatter;
        this.bridge = bridge;
        this.capacity = capacity;
        this.spill = new LogSpill(spillFile);
        for (LogGroup g : LogGroup.values()) {
            BooleanProperty p = new SimpleBooleanProperty(true);
            p.addListener((o, a, b) -> refilter());
            groups.put(g, p);
        }
        textFilter.addListener((o, a, b) -> refilter());
        connectionFilter.addListener((o, a, b) -> refilter());
    }

    /** Starts showing every event published on {@code bus} from now on. */
    public void listenTo(ProtocolEventBus bus) {
        subscription = bus.subscribe(e -> {
            LogLine line = formatter.format(e);
            if (line != null) {
                pendingEvents.put(line, e);
                add(line);
            }
        });
    }

    /** Adds a line from any thread; it shows on the next batch. */
    public void add(LogLine line) {
        incoming.add(line);
        if (flushScheduled.compareAndSet(false, true)) {
            bridge.post(this::flush);
        }
    }

    private void flush() {
        flushScheduled.set(false);
        List<LogLine> batch = new ArrayList<>();
        LogLine l;
        while ((l = incoming.poll()) != null) {
            batch.add(l);
        }
        if (batch.isEmpty()) {
            return;
        }
        // Lines that would be evicted straight away are spilled without touching the ring.
        List<LogLine> evicted = new ArrayList<>();
        int skip = Math.max(0, batch.size() - capacity);
        evicted.addAll(batch.subList(0, skip));
        List<LogLine> kept = batch.subList(skip, batch.size());
        int overflow = ring.size() + kept.size() - capacity;
        int evictedVisible = 0;
        for (int i = 0; i < overflow; i++) {
            LogLine old = ring.removeFirst();
            forgetEvent(old);
            evicted.add(old);
            if (matches(old)) {
                evictedVisible++;
            }
        }
        List<LogLine> newlyVisible = new ArrayList<>();
        batch.subList(0, skip).forEach(this::forgetEvent);
        for (LogLine k : kept) {
            ring.addLast(k);
            ProtocolEvent source = pendingEvents.remove(k);
            if (source != null) {
                eventOfLine.put(k, source);
                lineOfEvent.put(source, k);
            }
            noteConnection(k);
            if (matches(k)) {
                newlyVisible.add(k);
            }
        }
        if (!evicted.isEmpty()) {
            spill.append(evicted);
            spilled.set(spilled.get() + evicted.size());
        }
        // Visible lines keep the ring's order, so evicted visible lines are exactly its head.
        // One setAll (O(n)) rather than remove(0, k), which JavaFX performs element by element.
        if (evictedVisible > 0) {
            List<LogLine> next = new ArrayList<>(visible.size() - evictedVisible + newlyVisible.size());
            next.addAll(visible.subList(Math.min(evictedVisible, visible.size()), visible.size()));
            next.addAll(newlyVisible);
            visible.setAll(next);
        } else {
            visible.addAll(newlyVisible);
        }
        total.set(total.get() + batch.size());
    }

    private void forgetEvent(LogLine line) {
        pendingEvents.remove(line);
        ProtocolEvent e = eventOfLine.remove(line);
        if (e != null) {
            lineOfEvent.remove(e);
        }
    }

    /** The event a line in memory was made from, or null. FX thread. */
    public ProtocolEvent eventOf(LogLine line) {
        return line == null ? null : eventOfLine.get(line);
    }

    /** The line in memory made from {@code event}, or null (spilled, or never logged). FX thread. */
    public LogLine lineOf(ProtocolEvent event) {
        return event == null ? null : lineOfEvent.get(event);
    }

    private void noteConnection(LogLine l) {
        String key = connectionKey(l);
        if (!key.isEmpty() && !connections.contains(key)) {
            connections.add(key);
        }
    }

    /** A session's control connection and all its data connections share one filter entry. */
    static String connectionKey(LogLine l) {
        var c = l.connection();
        if (c.session() == 0) {
            return ALL_CONNECTIONS;
        }
        String owner = c.owner() == null || c.owner().isEmpty() ? "" : c.owner() + " ";
        return owner + "#" + c.session();
    }

    private boolean matches(LogLine l) {
        if (!groups.get(LogGroup.of(l.kind())).get()) {
            return false;
        }
        String conn = connectionFilter.get();
        if (conn != null && !conn.isEmpty() && !conn.equals(connectionKey(l))) {
            return false;
        }
        String text = textFilter.get();
        return text == null || text.isBlank()
                || l.render().toLowerCase(Locale.ROOT).contains(text.strip().toLowerCase(Locale.ROOT));
    }

    private void refilter() {
        visible.setAll(ring.stream().filter(this::matches).collect(Collectors.toList()));
    }

    public ObservableList<LogLine> visible() {
        return visible;
    }

    public ObservableList<String> connections() {
        return connections;
    }

    public BooleanProperty groupShown(LogGroup g) {
        return groups.get(g);
    }

    public StringProperty textFilter() {
        return textFilter;
    }

    public ObjectProperty<String> connectionFilter() {
        return connectionFilter;
    }

    public BooleanProperty followTail() {
        return followTail;
    }

    /** Every line received since the last clear, including spilled ones. */
    public ReadOnlyLongProperty totalLines() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty spilledLines() {
        return spilled.getReadOnlyProperty();
    }

    /** The text put on the clipboard for "copy": the lines as rendered, one per line. */
    public static String asText(List<LogLine> lines) {
        return lines.stream().map(LogLine::render).collect(Collectors.joining(System.lineSeparator()))
                + System.lineSeparator();
    }

    /**
     * Writes the whole log (spilled lines, then the ring) to {@code target}. The ring is copied on
     * the FX thread; call the returned task on a worker to write it.
     */
    public IoTask saveTo(Path target) {
        List<LogLine> snapshot = new ArrayList<>(ring);
        return () -> {
            try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                spill.copyTo(w);
                for (LogLine l : snapshot) {
                    w.write(l.render());
                    w.newLine();
                }
            }
        };
    }

    /** A piece of file work handed to a worker thread. */
    public interface IoTask {
        void run() throws IOException;
    }

    public void clear() {
        ring.clear();
        eventOfLine.clear();
        lineOfEvent.clear();
        visible.clear();
        spill.clear();
        total.set(0);
        spilled.set(0);
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        spill.close();
    }
}
