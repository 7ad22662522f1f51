package io.portside.transfer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portside.ftp.Protocol;
import io.portside.ftp.Site;
import io.portside.ftp.UserMessage;
import io.portside.sites.AtomicFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Saves the unfinished part of the queue as {@code queue.json} in the config folder and reads
 * it back at start. Passwords are never written: sites are stored without, and
 * {@link MissingPasswords} asks for them when a restored job first connects. Writes are atomic
 * ({@link AtomicFile}), so a crash mid-save leaves the previous queue intact. A file that cannot
 * be read, or that a newer Portside wrote, is renamed aside (never overwritten, never fatal).
 */
public final class QueueStore {
    public static final String FILE_NAME = "queue.json";
    /** Why a queue was not restored while another Portside has it. */
    static final String IN_USE = "another Portside has it open (a window, or portside queue resume); close that one"
            + " first";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final DateTimeFormatter ASIDE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private final AtomicFile file;
    /** Held while a queue of this process restores from and saves to the file; null when none is. */
    private FileChannel lock;

    public QueueStore(Path configDir) {
        this.file = new AtomicFile(configDir.resolve(FILE_NAME));
    }

    public Path file() {
        return file.path();
    }

    /**
     * Takes the queue for this queue ({@code queue.json.lock} beside it, an OS file lock, so a
     * killed process lets go); false while another Portside, or another queue of this one, has
     * it. A folder where no lock file can be made is no reason to refuse: true then.
     */
    synchronized boolean lock() {
        if (lock != null) {
            return false;
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(file().toAbsolutePath().getParent());
            channel = FileChannel.open(file().resolveSibling(FILE_NAME + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close();
                return false;
            }
            lock = channel;
            return true;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel); // another QueueStore of this process holds it
            return false;
        } catch (IOException e) {
            closeQuietly(channel);
            return true;
        }
    }

    /** Lets go of the lock taken by {@link #lock}. */
    synchronized void unlock() {
        closeQuietly(lock);
        lock = null;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing releases the lock either way
        }
    }

    /**
     * What a restore found.
     *
     * @param jobs      how many jobs came back
     * @param keptAside where an unreadable or newer file was moved; null when none was
     * @param words     why it was moved, in words; null when none was
     */
    public record Restored(int jobs, Path keptAside, UserMessage words) {
        /** {@link #words()} in English; null when there was no problem. */
        public String problem() {
            return words == null ? null : words.toString();
        }
    }

    /** What is wrong with the saved file, in words. */
    private static final class Damage extends IOException {
        private final UserMessage words;

        Damage(UserMessage words) {
            super(words.toString());
            this.words = words;
        }
    }

    record SavedSite(String protocol, String host, int port, String user) {
    }

    /**
     * @param done bytes transferred when saved, @param total the size then known; both null in files of before
     * @param deletes a synchronization's delete (null, read as false, in files of before)
     * @param message the message in English, for a person reading the file (and all files of before have)
     * @param words   the message as key and arguments, what a restart shows in the window's language
     */
    record SavedJob(String direction, boolean directory, int site, String source, String target, String conflict,
                    long size, Long modified, String state, String renamedTarget, String partPath, String message,
                    Long done, Long total, Boolean deletes, SavedWords words) {
    }

    record SavedQueue(int version, List<SavedSite> sites, List<SavedJob> jobs) {
    }

    /** A saved job, read back and checked. */
    private record Loaded(TransferJob job, JobState state, String renamedTarget, String partPath, UserMessage message,
                          long done, long total) {
    }

    void save(TransferQueue queue) throws IOException {
        List<SavedSite> sites = new ArrayList<>();
        List<SavedJob> jobs = new ArrayList<>();
        addAll(sites, jobs, queue.unfinished(), false, UnaryOperator.identity(), UnaryOperator.identity());
        write(new SavedQueue(VERSION, sites, jobs));
    }

    /**
     * Adds the unfinished jobs of {@code queue} to the saved ones (a command line's interrupted
     * run), as paused jobs; returns how many. The queue's paths may be relative to where its
     * sessions started: {@code remote} and {@code local} make them absolute.
     */
    public int keep(TransferQueue queue, UnaryOperator<String> remote, UnaryOperator<String> local) throws IOException {
        List<SavedSite> sites = new ArrayList<>();
        List<SavedJob> jobs = new ArrayList<>();
        SavedQueue old = readOrSetAside().queue;
        if (old != null) {
            sites.addAll(old.sites());
            jobs.addAll(old.jobs());
        }
        List<QueuedJob> unfinished = queue.unfinished();
        addAll(sites, jobs, unfinished, true, remote, local);
        write(new SavedQueue(VERSION, sites, jobs));
        return unfinished.size();
    }

    /** @param pause save every job as paused (else only the running ones) */
    private static void addAll(List<SavedSite> sites, List<SavedJob> saved, List<QueuedJob> jobs, boolean pause,
                               UnaryOperator<String> remote, UnaryOperator<String> local) {
        Map<String, Integer> siteIndex = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            siteIndex.put(key(sites.get(i)), i);
        }
        for (QueuedJob e : jobs) {
            TransferJob j = e.job;
            Site s = j.site();
            SavedSite site = new SavedSite(s.protocol().name(), s.host(), s.port(), s.user());
            int index = siteIndex.computeIfAbsent(key(site), k -> {
                sites.add(site);
                return sites.size() - 1;
            });
            // a transfer cut off by the quit waits for the user, like one paused by hand
            JobState state = e.state == JobState.RUNNING || pause && e.state == JobState.QUEUED
                    ? JobState.PAUSED : e.state;
            boolean down = j.direction() == Direction.DOWNLOAD;
            UnaryOperator<String> to = down ? local : remote;
            UnaryOperator<String> from = j.deletes() ? to : down ? remote : local; // a delete's "source" is its target
            saved.add(new SavedJob(j.direction().name(), j.directory(), index, from.apply(j.source()),
                    to.apply(j.target()), j.conflict() == null ? null : j.conflict().name(), j.sizeHint(),
                    j.modifiedHint() == null ? null : j.modifiedHint().toEpochMilli(), state.name(),
                    orNull(to, e.renamedTarget), orNull(to, e.partPath),
                    e.message == null ? null : e.message.toString(), e.bytesDone,
                    j.directory() ? null : e.bytesTotal, j.deletes() ? Boolean.TRUE : null,
                    e.message == null ? null : SavedWords.of(e.message)));
        }
    }

    private static String orNull(UnaryOperator<String> f, String path) {
        return path == null ? null : f.apply(path);
    }

    private static String key(SavedSite s) {
        return s.protocol() + "://" + s.user() + "@" + s.host() + ":" + s.port();
    }

    private void write(SavedQueue q) throws IOException {
        file.write(JSON.writeValueAsBytes(q));
    }

    /**
     * Adds the saved jobs to {@code queue}, their sites without passwords. An unreadable file
     * is renamed aside and nothing is added; the result says so.
     */
    Restored restoreInto(TransferQueue queue) {
        Read read = readOrSetAside();
        List<Loaded> jobs = read.jobs;
        for (Loaded l : jobs) {
            queue.restore(l.job, l.state, l.renamedTarget, l.partPath, l.message, l.done, l.total);
        }
        return new Restored(jobs.size(), read.keptAside, read.problem);
    }

    private record Read(SavedQueue queue, List<Loaded> jobs, Path keptAside, UserMessage problem) {
    }

    private Read readOrSetAside() {
        SavedQueue q;
        List<Loaded> jobs;
        try {
            byte[] bytes = file.readOrNull();
            if (bytes == null) {
                return new Read(null, List.of(), null, null);
            }
            q = JSON.readValue(bytes, SavedQueue.class);
            if (q == null) {
                throw new Damage(UserMessage.of("queue.empty"));
            }
            if (q.version() > VERSION) {
                return setAside("newer", UserMessage.of("queue.newer", q.version()));
            }
            jobs = check(q);
        } catch (IOException | RuntimeException e) {
            return setAside("damaged", UserMessage.of("queue.unreadable", e instanceof Damage d ? d.words : firstLine(e)));
        }
        return new Read(q, jobs, null, null);
    }

    /** Every job read back, or an exception before any is added: a queue comes back whole or not at all. */
    private static List<Loaded> check(SavedQueue q) throws IOException {
        if (q.version() < 1 || q.sites() == null || q.jobs() == null) {
            throw new Damage(UserMessage.of("queue.noParts"));
        }
        List<Site> sites = new ArrayList<>();
        for (SavedSite s : q.sites()) {
            sites.add(new Site(Protocol.valueOf(s.protocol()), require(s.host(), "host"), s.port(), s.user(), null));
        }
        List<Loaded> jobs = new ArrayList<>(q.jobs().size());
        for (SavedJob j : q.jobs()) {
            TransferJob job = new TransferJob(Direction.valueOf(j.direction()), j.directory(), sites.get(j.site()),
                    require(j.source(), "source"), require(j.target(), "target"),
                    j.conflict() == null ? null : ConflictPolicy.valueOf(j.conflict()),
                    j.size(), j.modified() == null ? null : Instant.ofEpochMilli(j.modified()), false,
                    Boolean.TRUE.equals(j.deletes()));
            JobState state = JobState.valueOf(j.state());
            // running is saved as paused; a finished job is never saved, so such a line is damage
            if (state != JobState.QUEUED && state != JobState.PAUSED && state != JobState.FAILED) {
                throw new Damage(UserMessage.of("queue.badState", state));
            }
            UserMessage message = j.words() != null ? j.words().toMessage()
                    : j.message() == null ? null : UserMessage.verbatim(j.message()); // files of before: English
            jobs.add(new Loaded(job, state, j.renamedTarget(), j.partPath(), message, done(job, j),
                    j.total() == null || j.total() < 0 ? job.sizeHint() : j.total()));
        }
        return jobs;
    }

    /**
     * What a job has of its file: a download's .part on disk says it exactly (also after a crash
     * between two saves); an upload's .part is on the server, so the count saved is the best known.
     */
    private static long done(TransferJob job, SavedJob saved) {
        if (job.direction() == Direction.DOWNLOAD && saved.partPath() != null) {
            try {
                Path part = Path.of(saved.partPath());
                return Files.isRegularFile(part) ? Files.size(part) : 0;
            } catch (IOException | java.nio.file.InvalidPathException e) {
                return 0;
            }
        }
        return saved.done() == null ? 0 : Math.max(0, saved.done());
    }

    private static String require(String value, String what) throws IOException {
        if (value == null || value.isEmpty()) {
            throw new Damage(UserMessage.of("queue.missing", what));
        }
        return value;
    }

    private Read setAside(String why, UserMessage problem) {
        Path aside = file().resolveSibling(FILE_NAME + "." + why + "-" + ASIDE_TIME.format(Instant.now()));
        try {
            for (int i = 2; Files.exists(aside); i++) {
                aside = file().resolveSibling(FILE_NAME + "." + why + "-" + ASIDE_TIME.format(Instant.now()) + "-" + i);
            }
            Files.move(file(), aside, StandardCopyOption.ATOMIC_MOVE);
            return new Read(null, List.of(), aside, problem);
        } catch (IOException e) {
            // cannot move it: leave it be and start empty; the next save replaces it
            return new Read(null, List.of(), null, UserMessage.of("queue.notRenamed", problem, e.getMessage()));
        }
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
