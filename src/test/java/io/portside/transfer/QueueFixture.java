package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.EventRecorder;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Test helper: a queue wired to a server with a recorded protocol log; closes both. */
final class QueueFixture implements AutoCloseable {
    final ProtocolEventBus bus = new ProtocolEventBus();
    final EventRecorder log = new EventRecorder(bus);
    final Site site;
    final TransferQueue queue;

    QueueFixture(SandboxServer server, DataMode mode, QueueSettings settings) {
        this(Site.ftp(server.host(), server.port(), server.user(), server.password()), mode, settings);
    }

    QueueFixture(Site site, DataMode mode, QueueSettings settings) {
        this(site, mode, settings, UnaryOperator.identity());
    }

    /** @param wrap decorates the sessions' factory (e.g. with {@link MissingPasswords}) */
    QueueFixture(Site site, DataMode mode, QueueSettings settings, UnaryOperator<SessionFactory> wrap) {
        this.site = site;
        SessionOptions options = SessionOptions.defaults().withMode(mode, ExtendedMode.AUTO)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10));
        this.queue = new TransferQueue(settings, wrap.apply(SessionFactory.of(options, bus)));
    }

    /** Quick retries, so a test of them does not wait seconds. */
    static QueueSettings fast() {
        return QueueSettings.defaults().withRetry(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    void awaitIdle() throws InterruptedException {
        assertTrue(queue.awaitIdle(Duration.ofSeconds(60)), "the queue did not finish in time: " + queue.totals());
    }

    /** Polls (bounded) until a job matches; fails otherwise. */
    JobProgress await(long id, Predicate<JobProgress> p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JobProgress j = queue.get(id);
            if (j != null && p.test(j)) {
                return j;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job " + id + " never got there: " + queue.get(id));
    }

    List<JobProgress> failed() {
        return queue.snapshot().stream().filter(j -> j.state() == JobState.FAILED).toList();
    }

    @Override
    public void close() {
        queue.close();
        log.close();
    }
}
