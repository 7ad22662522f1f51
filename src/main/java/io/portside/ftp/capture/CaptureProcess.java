package io.portside.ftp.capture;

import io.portside.ftp.UserMessage;
import io.portside.ftp.capture.CaptureUnavailableException.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A running capture program. {@link #start} returns only once the program says it listens
 * (so the SYN of a connection opened right after is not missed), or fails saying why.
 */
final class CaptureProcess implements AutoCloseable {
    private static final Duration LISTEN_WAIT = Duration.ofSeconds(10);
    private final Process process;
    private final Deque<String> errors = new ArrayDeque<>();

    private CaptureProcess(Process process) {
        this.process = process;
    }

    static CaptureProcess start(CaptureTool tool, String filter, String iface) throws CaptureUnavailableException {
        Process p;
        try {
            p = new ProcessBuilder(tool.command(filter, iface)).start();
        } catch (IOException e) {
            throw new CaptureUnavailableException(Reason.FAILED, tool.path(), e.getMessage());
        }
        CaptureProcess c = new CaptureProcess(p);
        CountDownLatch listening = new CountDownLatch(1);
        Thread stderr = new Thread(() -> c.readErrors(tool, listening), "portside-capture-stderr");
        stderr.setDaemon(true);
        stderr.start();
        try {
            // Either it listens, or it exits (no permission, no such interface): whichever is first.
            long deadline = System.nanoTime() + LISTEN_WAIT.toNanos();
            while (!listening.await(20, TimeUnit.MILLISECONDS)) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    boolean exited = p.waitFor(200, TimeUnit.MILLISECONDS);
                    stderr.join(500);
                    c.stop();
                    c.close();
                    // what the tool printed is its own words; what it did not say is put in ours
                    Object said = !c.errors().isEmpty() ? c.errors() : exited
                            ? UserMessage.of("capture.exited", p.exitValue())
                            : UserMessage.of("capture.silent", LISTEN_WAIT.toSeconds());
                    throw new CaptureUnavailableException(CaptureTool.meansNoPermission(c.errors())
                            ? Reason.NO_PERMISSION : Reason.FAILED, tool.name(), said);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.stop();
            c.close();
            throw new CaptureUnavailableException(Reason.FAILED, tool.name(), "interrupted");
        }
        return c;
    }

    InputStream packets() {
        return process.getInputStream();
    }

    /** The last lines the program wrote to stderr, joined. */
    String errors() {
        synchronized (errors) {
            return String.join("; ", errors);
        }
    }

    private void readErrors(CaptureTool tool, CountDownLatch listening) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (tool.saysListening(line)) {
                    listening.countDown();
                    continue;
                }
                if (line.isBlank() || line.startsWith("tcpdump: data link type")) {
                    continue;
                }
                synchronized (errors) {
                    errors.addLast(line.strip());
                    if (errors.size() > 4) {
                        errors.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the program ended; what it said is kept
        }
    }

    /**
     * Asks the program to stop (SIGTERM, leaving our end of its output open): it writes the
     * packets it still holds and ends its output, which ends the reader.
     */
    void stop() {
        process.toHandle().destroy();
    }

    /** Ends the program for good (after {@link #stop} and the reader's end, or at once on failure). */
    @Override
    public void close() {
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process.destroy(); // closes the streams
    }
}
