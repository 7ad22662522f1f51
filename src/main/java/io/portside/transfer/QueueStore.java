package io.portside.transfer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portside.ftp.Protocol;
import io.portside.ftp.Site;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Saves the unfinished part of the queue as {@code queue.json} in the config folder and reads
 * it back at start. Passwords are never written: sites are stored without, and the owner
 * supplies them again on restore. Writes are atomic (temp file, fsync, rename), so a crash
 * mid-save leaves the previous queue intact.
 */
public final class QueueStore {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Path dir;

    public QueueStore(Path configDir) {
        this.dir = configDir;
    }

    /** {@code $XDG_CONFIG_HOME/portside}, else {@code ~/.config/portside}. */
    public static Path defaultDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("portside");
    }

    public Path file() {
        return dir.resolve("queue.json");
    }

    record SavedSite(String protocol, String host, int port, String user) {
    }

    record SavedJob(String direction, boolean directory, int site, String source, String target, String conflict,
                    long size, Long modified, String state, String renamedTarget, String partPath, String message) {
    }

    record SavedQueue(int version, List<SavedSite> sites, List<SavedJob> jobs) {
    }

    void save(TransferQueue queue) throws IOException {
        List<QueuedJob> jobs = queue.unfinished();
        Map<String, Integer> siteIndex = new HashMap<>();
        List<SavedSite> sites = new ArrayList<>();
        List<SavedJob> saved = new ArrayList<>(jobs.size());
        for (QueuedJob e : jobs) {
            TransferJob j = e.job;
            Site s = j.site();
            int index = siteIndex.computeIfAbsent(TransferQueue.siteKey(s), k -> {
                sites.add(new SavedSite(s.protocol().name(), s.host(), s.port(), s.user()));
                return sites.size() - 1;
            });
            JobState state = e.state == JobState.RUNNING ? JobState.QUEUED : e.state;
            saved.add(new SavedJob(j.direction().name(), j.directory(), index, j.source(), j.target(),
                    j.conflict() == null ? null : j.conflict().name(), j.sizeHint(),
                    j.modifiedHint() == null ? null : j.modifiedHint().toEpochMilli(), state.name(),
                    e.renamedTarget, e.partPath, e.message));
        }
        write(new SavedQueue(VERSION, sites, saved));
    }

    private void write(SavedQueue q) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("queue.json.tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(ch);
            JSON.writeValue(new java.io.FilterOutputStream(out) {
                @Override
                public void close() {
                    // keep the channel open for force()
                }
            }, q);
            ch.force(true);
        }
        Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Adds the saved jobs to {@code queue}; returns how many.
     *
     * @param passwords the password for a site (given without one), or null to try without
     */
    int restoreInto(TransferQueue queue, Function<Site, String> passwords) throws IOException {
        if (!Files.exists(file())) {
            return 0;
        }
        SavedQueue q = JSON.readValue(file().toFile(), SavedQueue.class);
        if (q.version() != VERSION || q.jobs() == null) {
            return 0;
        }
        List<Site> sites = new ArrayList<>();
        for (SavedSite s : q.sites()) {
            Site bare = new Site(Protocol.valueOf(s.protocol()), s.host(), s.port(), s.user(), null);
            String password = passwords == null ? null : passwords.apply(bare);
            sites.add(new Site(bare.protocol(), s.host(), s.port(), s.user(), password));
        }
        for (SavedJob j : q.jobs()) {
            TransferJob job = new TransferJob(Direction.valueOf(j.direction()), j.directory(), sites.get(j.site()),
                    j.source(), j.target(), j.conflict() == null ? null : ConflictPolicy.valueOf(j.conflict()),
                    j.size(), j.modified() == null ? null : Instant.ofEpochMilli(j.modified()));
            queue.restore(job, JobState.valueOf(j.state()), j.renamedTarget(), j.partPath(), j.message());
        }
        return q.jobs().size();
    }
}
