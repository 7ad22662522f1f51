package io.portside.ftp.event;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one stream of protocol events that every session publishes to and the log, the UI and
 * the CLI read from.
 *
 * <p>Publishing never blocks: each subscriber has its own bounded queue drained by its own
 * daemon thread, so a slow or failing listener cannot stall a transfer. When a subscriber
 * falls so far behind that its queue is full, events for it are dropped and it is told how
 * many, rather than memory growing without limit.
 *
 * <p>A listener that throws (an exception or an {@link Error}) is reported once, by name, on
 * the bus itself and in the JVM's log, and keeps receiving later events: one broken view must
 * neither silence itself for good nor touch the delivery of the others.
 */
public final class ProtocolEventBus {
    static final int QUEUE_CAPACITY = 1 << 16;
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final System.Logger LOG = System.getLogger(ProtocolEventBus.class.getName());

    private final AtomicInteger sessions = new AtomicInteger();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** Numbers the sessions so that {@code ctl#N} is unique for this bus. */
    public int nextSessionNumber() {
        return sessions.incrementAndGet();
    }

    public void publish(ProtocolEvent event) {
        for (Subscription s : subscriptions) {
            s.offer(event);
        }
    }

    /** Delivers every later event to {@code listener}, on a thread of its own, in order. */
    public Subscription subscribe(Consumer<? super ProtocolEvent> listener) {
        return subscribe(nameOf(listener), listener);
    }

    /** As {@link #subscribe(Consumer)}; {@code name} says who listens when the listener fails. */
    public Subscription subscribe(String name, Consumer<? super ProtocolEvent> listener) {
        Subscription s = new Subscription(name, listener);
        subscriptions.add(s);
        s.thread.start();
        return s;
    }

    /** A listener's queue and thread; {@link #close()} delivers what is queued, then stops. */
    public final class Subscription implements AutoCloseable {
        private final BlockingQueue<ProtocolEvent> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
        private final AtomicLong dropped = new AtomicLong();
        private final String name;
        private final Consumer<? super ProtocolEvent> listener;
        private final Thread thread;
        private volatile boolean closing;
        private boolean failedBefore;

        private Subscription(String name, Consumer<? super ProtocolEvent> listener) {
            this.name = name;
            this.listener = listener;
            this.thread = new Thread(this::drain, "portside-events-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
        }

        private void offer(ProtocolEvent event) {
            if (!queue.offer(event)) {
                dropped.incrementAndGet();
            }
        }

        private void drain() {
            try {
                while (!closing || !queue.isEmpty()) {
                    ProtocolEvent e = queue.poll(50, TimeUnit.MILLISECONDS);
                    long lost = dropped.getAndSet(0);
                    if (lost > 0) {
                        deliver(new ProtocolEvent.Notice(Instant.now(), ConnectionId.control("", 0),
                                ProtocolEvent.Notice.Severity.WARNING, "events.dropped", List.of(lost)));
                    }
                    if (e != null) {
                        deliver(e);
                    }
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }

        private void deliver(ProtocolEvent e) {
            try {
                listener.accept(e);
            } catch (Throwable t) {
                // Errors too (an AssertionError, a StackOverflowError in a view): the thread
                // must live on so the listener keeps getting later events.
                if (!failedBefore) {
                    failedBefore = true;
                    reportFailure(t);
                }
            }
        }

        /** Once per listener: a notice in the protocol log (for the user) and the stack in the JVM log. */
        private void reportFailure(Throwable t) {
            String why = t.getMessage() == null ? t.getClass().getName() : t.getClass().getName() + ": " + t.getMessage();
            LOG.log(System.Logger.Level.WARNING, "protocol event listener " + name
                    + " failed; it keeps receiving events, later failures are not reported", t);
            publish(new ProtocolEvent.Notice(Instant.now(), ConnectionId.control("", 0),
                    ProtocolEvent.Notice.Severity.ERROR, "listener.failed", List.of(name, why)));
        }

        /** Who listens, as given to {@link #subscribe(String, Consumer)} or taken from the listener's class. */
        public String name() {
            return name;
        }

        /** Stops receiving new events, delivers those already queued (waiting at most 5 s). */
        @Override
        public void close() {
            subscriptions.remove(this);
            closing = true;
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A lambda's class is {@code Outer$$Lambda$12/0x...}: the outer class is the useful part. */
    static String nameOf(Object listener) {
        String cls = listener.getClass().getName();
        int lambda = cls.indexOf("$$Lambda");
        return lambda > 0 ? cls.substring(0, lambda) + " (lambda)" : cls;
    }
}
