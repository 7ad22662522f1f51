package io.portside.cli;

import io.portside.ftp.SessionOptions;
import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.event.Units;
import io.portside.transfer.JobProgress;
import io.portside.transfer.JobState;
import io.portside.transfer.QueueSettings;
import io.portside.transfer.QueueTotals;
import io.portside.transfer.SessionFactory;
import io.portside.transfer.TransferJob;
import io.portside.transfer.TransferQueue;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code mirror URL LOCALDIR} downloads a remote tree; {@code mirror --reverse LOCALDIR URL}
 * uploads one. Runs the transfer queue (lazy tree expansion, N workers, retries, .part files),
 * shows a progress line on a terminal, a summary at the end, and exits 1 naming the failed files.
 */
public final class MirrorCommand {
    private MirrorCommand() {
    }

    /** @param args the words after "mirror"; @param terminal whether stderr is a terminal (progress line) */
    public static int run(List<String> args, PrintStream out, PrintStream err, boolean terminal) {
        MirrorArgs a;
        try {
            a = MirrorArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("portside: " + e.getMessage());
            return 2;
        }
        if (a.reverse() && !Files.isDirectory(Path.of(a.localDir()))) {
            err.println("portside: " + a.localDir() + " is not a folder");
            return 3;
        }
        ProtocolEventBus bus = new ProtocolEventBus();
        try (LogOutput log = LogOutput.open(a.log(), bus, err)) {
            return mirror(a, bus, out, err, terminal);
        } catch (IOException e) {
            err.println("portside: cannot write the log: " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 4;
        }
    }

    private static int mirror(MirrorArgs a, ProtocolEventBus bus, PrintStream out, PrintStream err, boolean terminal)
            throws InterruptedException {
        SessionOptions options = SessionOptions.defaults().withMode(a.mode(), a.extended()).withModeFallback(!a.modeGiven());
        QueueSettings settings = QueueSettings.defaults().withParallelism(a.parallel()).withPerSiteLimit(a.parallel())
                .withConflict(a.conflict()).withRetry(QueueSettings.defaults().retry().withRetries(a.retries()));
        long start = System.nanoTime();
        try (TransferQueue queue = new TransferQueue(settings, SessionFactory.of(options, bus))) {
            if (terminal) {
                queue.addListener(u -> err.print("\r" + progressLine(u.totals(), start) + "   "));
            }
            queue.add(a.reverse() ? TransferJob.uploadTree(a.site(), a.localDir(), a.remotePath())
                    : TransferJob.downloadTree(a.site(), a.remotePath(), a.localDir()));
            queue.start();
            queue.awaitIdle(Duration.ofDays(365));
            if (terminal) {
                err.println();
            }
            return summary(queue, out, err, start);
        }
    }

    static String progressLine(QueueTotals t, long start) {
        int files = t.total() - t.skipped() - t.cancelled();
        return String.format(Locale.ROOT, "%d/%d done, %s, %s", t.done(), files, Units.size(t.bytesDone()),
                Units.rate((long) t.rate(), Duration.ofSeconds(1)));
    }

    private static int summary(TransferQueue queue, PrintStream out, PrintStream err, long start) {
        List<JobProgress> jobs = queue.snapshot();
        long files = 0;
        long bytes = 0;
        long skipped = 0;
        List<JobProgress> failed = jobs.stream().filter(j -> j.state() == JobState.FAILED).toList();
        for (JobProgress j : jobs) {
            if (!j.job().directory() && j.state() == JobState.DONE) {
                files++;
                bytes += Math.max(0, j.bytesTotal());
            } else if (j.state() == JobState.SKIPPED) {
                skipped++;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        out.printf(Locale.ROOT, "%d files, %s in %s (%s); %d skipped, %d failed%n", files, Units.size(bytes),
                Units.duration(took), Units.rate(bytes, took), skipped, failed.size());
        for (JobProgress j : failed) {
            err.println("portside: failed: " + j.job().source() + ": " + j.message());
        }
        return failed.isEmpty() ? 0 : 1;
    }

    /** The explained protocol log, to a file or (with "-") to stderr. */
    private static final class LogOutput implements AutoCloseable {
        private final ProtocolEventBus.Subscription subscription;
        private final PrintStream sink;
        private final boolean own;

        private LogOutput(ProtocolEventBus.Subscription subscription, PrintStream sink, boolean own) {
            this.subscription = subscription;
            this.sink = sink;
            this.own = own;
        }

        static LogOutput open(String target, ProtocolEventBus bus, PrintStream err) throws IOException {
            if (target == null) {
                return new LogOutput(null, null, false);
            }
            boolean own = !target.equals("-");
            PrintStream sink = own ? new PrintStream(Files.newOutputStream(Path.of(target)), true, "UTF-8") : err;
            LogFormatter f = new LogFormatter(Locale.getDefault());
            return new LogOutput(bus.subscribe(e -> sink.println(f.format(e).render())), sink, own);
        }

        @Override
        public void close() {
            if (subscription != null) {
                subscription.close();
            }
            if (own) {
                sink.close();
            }
        }
    }
}
