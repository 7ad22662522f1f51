package io.portside.ui.queue;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpException;
import io.portside.ftp.FtpReplyException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.RemoteFile;
import io.portside.ftp.TransferAbortedException;
import io.portside.ui.fx.Worker;
import io.portside.ui.pane.RemotePaths;
import io.portside.ui.queue.Conflict.Choice;
import io.portside.ui.queue.Conflict.Decision;
import io.portside.ui.queue.TransferRequest.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A minimal stand-in for the {@code io.portside.transfer} queue (not on main yet): one worker
 * thread, one FTP session of its own (owner "w1"), jobs in order. Folders expand into one job
 * per file. Pause aborts and keeps the partial file so resume continues it (REST/APPE);
 * cancel aborts and deletes the partial file.
 */
public final class SimpleTransferQueue implements TransferQueue {
    /** Opens the queue's own session (called on the worker thread). */
    @FunctionalInterface
    public interface SessionOpener {
        FtpSession open() throws FtpException;
    }

    private static final long EMIT_EVERY_NANOS = 100_000_000L;

    private final SessionOpener opener;
    private final ExecutorService worker = Worker.single("transfer");
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Consumer<JobSnapshot> listener = s -> { };
    private volatile ConflictResolver resolver = c -> new Decision(Choice.OVERWRITE, false);
    private volatile FtpSession session;
    private volatile long speedLimit;
    private Decision forAll;

    public SimpleTransferQueue(SessionOpener opener) {
        this.opener = opener;
    }

    private final class Job {
        final long id;
        final TransferRequest request;
        volatile JobState state = JobState.QUEUED;
        volatile long size;
        volatile long done;
        volatile double rate;
        volatile String error;
        volatile boolean pauseRequested;
        volatile boolean cancelRequested;
        volatile boolean resumeRequested;
        /** Set once the target was opened for writing: only then is there a partial file to delete. */
        volatile boolean wroteTarget;

        Job(long id, TransferRequest request) {
            this.id = id;
            this.request = request;
            this.size = request.size();
        }

        JobSnapshot snapshot() {
            return new JobSnapshot(id, request, size, done, rate, state, error);
        }
    }

    @Override
    public long submit(TransferRequest request) {
        Job job = new Job(ids.incrementAndGet(), request);
        jobs.put(job.id, job);
        emit(job);
        worker.execute(() -> run(job));
        return job.id;
    }

    @Override
    public void pause(long id) {
        Job job = jobs.get(id);
        if (job == null) {
            return;
        }
        if (job.state == JobState.QUEUED) {
            set(job, JobState.PAUSED);
        } else if (job.state == JobState.RUNNING) {
            job.pauseRequested = true;
            abortSession();
        }
    }

    @Override
    public void resume(long id) {
        Job job = jobs.get(id);
        if (job != null && job.state == JobState.PAUSED) {
            job.resumeRequested = true;
            requeue(job);
        }
    }

    @Override
    public void cancel(long id) {
        Job job = jobs.get(id);
        if (job == null) {
            return;
        }
        if (job.state == JobState.RUNNING) {
            job.cancelRequested = true;
            abortSession();
        } else if (job.state == JobState.QUEUED || job.state == JobState.PAUSED) {
            set(job, JobState.CANCELLED);
            worker.execute(() -> deletePartial(job));
        }
    }

    @Override
    public void retry(long id) {
        Job job = jobs.get(id);
        if (job != null && (job.state == JobState.FAILED || job.state == JobState.CANCELLED)) {
            job.error = null;
            job.done = 0;
            requeue(job);
        }
    }

    @Override
    public void remove(long id) {
        Job job = jobs.get(id);
        if (job != null && job.state != JobState.RUNNING) {
            jobs.remove(id);
            set(job, JobState.REMOVED);
        }
    }

    private void requeue(Job job) {
        job.pauseRequested = false;
        job.cancelRequested = false;
        set(job, JobState.QUEUED);
        worker.execute(() -> run(job));
    }

    /** Limits each transfer to about {@code bytesPerSecond} (0: no limit). */
    public void setSpeedLimit(long bytesPerSecond) {
        this.speedLimit = bytesPerSecond;
    }

    @Override
    public void onChange(Consumer<JobSnapshot> l) {
        this.listener = l;
    }

    @Override
    public void onConflict(ConflictResolver r) {
        this.resolver = r;
    }

    @Override
    public void setMode(DataMode mode, ExtendedMode extended) {
        FtpSession s = session;
        if (s != null && s.isConnected()) {
            s.setMode(mode, extended);
        }
    }

    private void abortSession() {
        FtpSession s = session;
        if (s != null) {
            s.abort();
        }
    }

    // --- worker thread ----------------------------------------------------------------

    private void run(Job job) {
        if (job.state != JobState.QUEUED) {
            return; // paused, cancelled or removed while waiting
        }
        set(job, JobState.RUNNING);
        try {
            FtpSession s = session();
            if (job.request.folder()) {
                expand(s, job);
            } else if (job.request.direction() == Direction.DOWNLOAD) {
                download(s, job);
            } else {
                upload(s, job);
            }
        } catch (TransferAbortedException e) {
            if (job.pauseRequested) {
                job.rate = 0;
                set(job, JobState.PAUSED);
            } else {
                deletePartial(job);
                set(job, JobState.CANCELLED);
            }
        } catch (IOException | RuntimeException e) {
            job.error = e.getMessage();
            job.rate = 0;
            set(job, job.cancelRequested ? JobState.CANCELLED : JobState.FAILED);
            if (job.cancelRequested) {
                deletePartial(job);
            }
        } finally {
            job.resumeRequested = false;
            if (jobs.values().stream().noneMatch(j -> j.state == JobState.QUEUED)) {
                forAll = null;
            }
        }
    }

    private FtpSession session() throws FtpException {
        FtpSession s = session;
        if (s == null || !s.isConnected()) {
            s = opener.open();
            session = s;
        }
        return s;
    }

    private void expand(FtpSession s, Job job) throws IOException {
        TransferRequest r = job.request;
        long total = 0;
        if (r.direction() == Direction.UPLOAD) {
            mkdirQuietly(s, r.remote());
            try (Stream<Path> walk = Files.walk(r.local())) {
                for (Path p : walk.skip(1).toList()) {
                    String remote = r.remote() + "/" + r.local().relativize(p).toString().replace('\\', '/');
                    if (Files.isDirectory(p)) {
                        mkdirQuietly(s, remote);
                    } else {
                        long size = Files.size(p);
                        total += size;
                        submit(new TransferRequest(Direction.UPLOAD, p, remote, false, size));
                    }
                }
            }
        } else {
            total = expandDownload(s, r.remote(), r.local());
        }
        job.size = total;
        job.done = total;
        set(job, JobState.DONE);
    }

    private long expandDownload(FtpSession s, String remote, Path local) throws IOException {
        Files.createDirectories(local);
        long total = 0;
        for (RemoteFile f : s.list(remote)) {
            if (f.name().equals(".") || f.name().equals("..")) {
                continue;
            }
            String child = RemotePaths.child(remote, f.name());
            if (f.isDirectory()) {
                total += expandDownload(s, child, local.resolve(f.name()));
            } else {
                total += Math.max(0, f.size());
                submit(new TransferRequest(Direction.DOWNLOAD, local.resolve(f.name()), child, false, f.size()));
            }
        }
        return total;
    }

    private static void mkdirQuietly(FtpSession s, String path) {
        try {
            s.mkdir(path);
        } catch (FtpException ignored) {
            // most likely it exists already; uploading into it will tell if not
        }
    }

    private void download(FtpSession s, Job job) throws IOException {
        Path target = job.request.local();
        String source = job.request.remote();
        job.size = sizeOrUnknown(s, source);
        long offset = 0;
        if (job.resumeRequested && Files.exists(target)) {
            offset = Files.size(target);
        } else if (Files.exists(target)) {
            Decision d = decide(new Conflict(job.request, job.size, timeOrNull(s, source), Files.size(target),
                    Files.getLastModifiedTime(target).toInstant()));
            switch (d.choice()) {
                case SKIP -> {
                    set(job, JobState.SKIPPED);
                    return;
                }
                case OVERWRITE_IF_NEWER -> {
                    Instant remote = timeOrNull(s, source);
                    if (remote == null || !remote.isAfter(Files.getLastModifiedTime(target).toInstant())) {
                        set(job, JobState.SKIPPED);
                        return;
                    }
                }
                case RESUME -> offset = Math.min(Files.size(target), Math.max(0, job.size));
                case RENAME -> target = freeLocalName(target);
                case OVERWRITE -> offset = 0;
            }
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        StandardOpenOption mode = offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        Progress progress = new Progress(job, offset);
        job.wroteTarget = true;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            s.download(source, offset, out, progress);
        }
        job.done = Files.size(target);
        job.rate = 0;
        set(job, JobState.DONE);
    }

    private void upload(FtpSession s, Job job) throws IOException {
        Path source = job.request.local();
        String target = job.request.remote();
        job.size = Files.size(source);
        long existing = sizeOrUnknown(s, target);
        long offset = 0;
        if (job.resumeRequested && existing >= 0) {
            offset = existing;
        } else if (existing >= 0) {
            Decision d = decide(new Conflict(job.request, job.size, Files.getLastModifiedTime(source).toInstant(),
                    existing, timeOrNull(s, target)));
            switch (d.choice()) {
                case SKIP -> {
                    set(job, JobState.SKIPPED);
                    return;
                }
                case OVERWRITE_IF_NEWER -> {
                    Instant remote = timeOrNull(s, target);
                    if (remote != null && !Files.getLastModifiedTime(source).toInstant().isAfter(remote)) {
                        set(job, JobState.SKIPPED);
                        return;
                    }
                }
                case RESUME -> offset = Math.min(existing, job.size);
                case RENAME -> target = freeRemoteName(s, target);
                case OVERWRITE -> offset = 0;
            }
        }
        Progress progress = new Progress(job, offset);
        job.wroteTarget = true;
        try (InputStream in = Files.newInputStream(source)) {
            in.skipNBytes(offset);
            s.upload(in, target, offset, progress);
        }
        job.done = job.size;
        job.rate = 0;
        set(job, JobState.DONE);
    }

    private Decision decide(Conflict c) {
        if (forAll != null) {
            return forAll;
        }
        Decision d = resolver.resolve(c);
        if (d == null) {
            d = new Decision(Choice.SKIP, false);
        }
        if (d.applyToAll()) {
            forAll = d;
        }
        return d;
    }

    private void deletePartial(Job job) {
        if (job.request.folder() || !job.wroteTarget) {
            return;
        }
        try {
            if (job.request.direction() == Direction.DOWNLOAD) {
                Files.deleteIfExists(job.request.local());
            } else {
                session().delete(job.request.remote());
            }
        } catch (IOException ignored) {
            // nothing was written yet, or the server refuses: nothing more we can do
        }
    }

    private static long sizeOrUnknown(FtpSession s, String path) throws FtpException {
        try {
            return s.size(path);
        } catch (FtpReplyException e) {
            return -1; // 550: it does not exist
        }
    }

    private static Instant timeOrNull(FtpSession s, String path) {
        try {
            return s.modificationTime(path);
        } catch (FtpException e) {
            return null;
        }
    }

    private static Path freeLocalName(Path target) {
        for (int i = 1; ; i++) {
            Path p = target.resolveSibling(numbered(target.getFileName().toString(), i));
            if (!Files.exists(p)) {
                return p;
            }
        }
    }

    private static String freeRemoteName(FtpSession s, String target) throws FtpException {
        String parent = RemotePaths.parent(target);
        for (int i = 1; ; i++) {
            String p = RemotePaths.child(parent, numbered(RemotePaths.name(target), i));
            if (sizeOrUnknown(s, p) < 0) {
                return p;
            }
        }
    }

    /** "report.pdf" -> "report (1).pdf". */
    static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }

    /** Copies progress into the job, telling the listener at most every 100 ms. */
    private final class Progress implements io.portside.ftp.TransferListener {
        private final Job job;
        private final long offset;
        private long lastEmit = System.nanoTime();
        private long lastBytes;
        private final long start = System.nanoTime();

        Progress(Job job, long offset) {
            this.job = job;
            this.offset = offset;
            job.done = offset;
        }

        private void throttle(long bytesSoFar) {
            long limit = speedLimit;
            if (limit <= 0) {
                return;
            }
            long dueNanos = (long) (bytesSoFar * 1e9 / limit);
            long ahead = dueNanos - (System.nanoTime() - start);
            if (ahead > 0) {
                try {
                    Thread.sleep(Math.min(ahead / 1_000_000, 500));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void transferred(long bytesSoFar) {
            job.done = offset + bytesSoFar;
            throttle(bytesSoFar);
            long now = System.nanoTime();
            if (now - lastEmit >= EMIT_EVERY_NANOS) {
                double instant = (bytesSoFar - lastBytes) / ((now - lastEmit) / 1e9);
                job.rate = job.rate == 0 ? instant : job.rate * 0.7 + instant * 0.3;
                lastEmit = now;
                lastBytes = bytesSoFar;
                emit(job);
            }
        }
    }

    private void set(Job job, JobState state) {
        job.state = state;
        emit(job);
    }

    private void emit(Job job) {
        listener.accept(job.snapshot());
    }

    @Override
    public void close() {
        abortSession();
        worker.shutdownNow();
        FtpSession s = session;
        if (s != null) {
            s.close();
        }
    }
}
