package io.portside.ftp.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProtocolEventBusTest {
    private static final int EVENTS = 500;

    private static ProtocolEvent command(int i) {
        return new ProtocolEvent.CommandSent(Instant.now(), ConnectionId.control("test", 1), "NOOP " + i);
    }

    @Test
    void aThrowingListenerBesideANormalOneIsReportedOnceByNameAndEveryoneKeepsReceiving() {
        ProtocolEventBus bus = new ProtocolEventBus();
        List<ProtocolEvent> normal = new CopyOnWriteArrayList<>();
        AtomicInteger runtimeCalls = new AtomicInteger();
        AtomicInteger errorCalls = new AtomicInteger();
        ProtocolEventBus.Subscription good = bus.subscribe("normal view", normal::add);
        ProtocolEventBus.Subscription badRuntime = bus.subscribe("broken view", e -> {
            runtimeCalls.incrementAndGet();
            throw new IllegalStateException("boom");
        });
        ProtocolEventBus.Subscription badError = bus.subscribe(e -> {
            errorCalls.incrementAndGet();
            throw new StackOverflowError("deep");
        });
        for (int i = 0; i < EVENTS; i++) {
            bus.publish(command(i));
        }
        // The failing ones first: their close() waits until they have seen (and failed on) all.
        badRuntime.close();
        badError.close();
        good.close();

        List<String> commands = normal.stream().filter(e -> e instanceof ProtocolEvent.CommandSent)
                .map(e -> ((ProtocolEvent.CommandSent) e).command()).collect(Collectors.toList());
        assertEquals(EVENTS, commands.size(), "the normal listener got every event");
        for (int i = 0; i < EVENTS; i++) {
            assertEquals("NOOP " + i, commands.get(i), "in order");
        }
        // Each failing listener got every command too (plus the notices about the failures).
        assertTrue(runtimeCalls.get() >= EVENTS, "the listener that throws keeps receiving: " + runtimeCalls);
        assertTrue(errorCalls.get() >= EVENTS, "an Error does not stop its listener either: " + errorCalls);

        List<String> notices = normal.stream().filter(e -> e instanceof ProtocolEvent.Notice)
                .map(e -> new LogFormatter(Locale.ENGLISH).format(e).text()).collect(Collectors.toList());
        assertEquals(2, notices.size(), "one notice per failing listener, not one per event: " + notices);
        assertTrue(notices.stream().anyMatch(n -> n.contains("(broken view)") && n.contains("boom")), notices.toString());
        assertTrue(notices.stream().anyMatch(n -> n.contains("ProtocolEventBusTest (lambda)")
                && n.contains("StackOverflowError")), notices.toString());
    }

    @Test
    void aLambdaIsNamedAfterTheClassThatWroteIt() {
        Runnable r = () -> { };
        assertEquals(ProtocolEventBusTest.class.getName() + " (lambda)", ProtocolEventBus.nameOf(r));
        assertEquals(String.class.getName(), ProtocolEventBus.nameOf("x"));
    }
}
