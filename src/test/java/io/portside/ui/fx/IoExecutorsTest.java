package io.portside.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IoExecutorsTest {
    @Test
    void runsInOrderOnItsOwnNamedThread() throws Exception {
        ExecutorService w = IoExecutors.single("test");
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            int n = i;
            w.execute(() -> order.append(n));
        }
        assertEquals("portside-test", w.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS));
        assertEquals("01234", order.toString());
        w.shutdown();
    }

    @Test
    void workArrivingAfterCloseIsDroppedAndNobodyWaitsForIt() throws Exception {
        ExecutorService w = IoExecutors.single("closed");
        w.shutdown();
        assertTrue(w.awaitTermination(5, TimeUnit.SECONDS));
        AtomicInteger ran = new AtomicInteger();
        w.execute(ran::incrementAndGet); // no RejectedExecutionException on the caller (often the FX thread)
        Future<?> late = w.submit(ran::incrementAndGet);
        assertThrows(CancellationException.class, () -> late.get(1, TimeUnit.SECONDS));
        assertEquals(0, ran.get());
    }
}
