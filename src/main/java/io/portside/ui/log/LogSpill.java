package io.portside.ui.log;

import io.portside.ftp.event.LogLine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.portside.ui.fx.IoExecutors;

/**
 * Where lines pushed out of the in-memory ring go: appended, rendered, to a file on a writer
 * thread of its own, so that memory stays bounded and "save" can still write the whole log.
 */
final class LogSpill implements AutoCloseable {
    private final Path file;
    private final ExecutorService writer = IoExecutors.single("log-spill");
    private long lines;
    /** The first write that failed (disk full, folder gone): saving says so instead of hiding it. */
    private volatile IOException failure;

    LogSpill(Path file) {
        this.file = file;
    }

    /** Appends lines (already removed from the ring); returns at once. */
    void append(List<LogLine> evicted) {
        writer.execute(() -> {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                for (LogLine l : evicted) {
                    w.write(l.render());
                    w.newLine();
                }
                lines += evicted.size();
            } catch (IOException e) {
                // Not thrown: this runs on the writer thread, where nobody could catch it.
                if (failure == null) {
                    failure = e;
                }
            }
        });
    }

    /** Copies the spilled lines to {@code out} once every pending append is written. */
    void copyTo(BufferedWriter out) throws IOException {
        Future<?> done = writer.submit(() -> { });
        try {
            done.get();
        } catch (Exception e) {
            throw new IOException("the log's spill file could not be read", e);
        }
        if (Files.exists(file)) {
            try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                r.transferTo(out);
            }
        }
        IOException lost = failure;
        if (lost != null) {
            out.write("(some older lines are missing: they could not be written to " + file + ": " + lost + ")");
            out.newLine();
        }
    }

    /** Forgets the spilled lines. */
    void clear() {
        writer.execute(() -> {
            try {
                Files.deleteIfExists(file);
                lines = 0;
                failure = null;
            } catch (IOException e) {
                failure = e;
            }
        });
    }

    /**
     * Deletes the spill file and waits (briefly) for the writer to finish, so the file does not
     * outlive the window: the writer is a daemon thread and would otherwise die with the app
     * half-way, or write into a folder its owner is already removing.
     */
    @Override
    public void close() {
        clear();
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
