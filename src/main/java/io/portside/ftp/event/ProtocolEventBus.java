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
 */
public final class ProtocolEventBus {
    static final int QUEUE_CAPACITY = 1 << 16;
    private static final AtomicInteger THREADS = new AtomicInteger();

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
        Subscription s = new Subscription(listener);
        subscriptions.add(s);
        s.thread.start();
        return s;
    }

    /** A listener's queue and thread; {@link #close()} delivers what is queued, then stops. */
    public final class Subscription implements AutoCloseable {
        private final BlockingQueue<ProtocolEvent> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
        private final AtomicLong dropped = new AtomicLong();
        private final Consumer<? super ProtocolEvent> listener;
        private final Thread thread;
        private volatile boolean closing;

        private Subscription(Consumer<? super ProtocolEvent> listener) {
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
            } catch (RuntimeException ignored) {
                // A broken listener must not take the stream down for the others, nor stop its own
                // delivery of later events.
            }
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
}
