package io.portside.ftp;

import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Test helper: records every event of a bus, and waits for the asynchronous delivery to catch up. */
public final class EventRecorder implements AutoCloseable {
    private final List<ProtocolEvent> events = new ArrayList<>();
    private final ProtocolEventBus.Subscription subscription;

    public EventRecorder(ProtocolEventBus bus) {
        subscription = bus.subscribe(e -> {
            synchronized (events) {
                events.add(e);
                events.notifyAll();
            }
        });
    }

    public List<ProtocolEvent> all() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    public <T extends ProtocolEvent> List<T> of(Class<T> type) {
        return all().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /** Waits (bounded) until an event matching {@code p} has arrived; fails the test otherwise. */
    public <T extends ProtocolEvent> T await(Class<T> type, Predicate<T> p) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        synchronized (events) {
            while (true) {
                for (ProtocolEvent e : events) {
                    if (type.isInstance(e) && p.test(type.cast(e))) {
                        return type.cast(e);
                    }
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("no " + type.getSimpleName() + " event matched; log was:\n" + log());
                }
                try {
                    events.wait(left);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    public String log() {
        LogFormatter f = new LogFormatter(Locale.ENGLISH);
        return all().stream().map(e -> f.format(e).render()).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        subscription.close();
    }
}
