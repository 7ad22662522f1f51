package io.portside.transfer;

import io.portside.files.FileEntry;
import io.portside.files.FileSystemView;
import io.portside.files.SafeLocalName;
import io.portside.ftp.FtpException;
import io.portside.ftp.FtpReplyException;
import io.portside.ftp.TransferAbortedException;
import io.portside.ftp.UserMessage;
import io.portside.ftp.TransferType;
import io.portside.ftp.event.FailureCause;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one job on a worker: expands a folder into child jobs, or copies one file from
 * {@code src} to {@code dst} (written once for both directions). Throws on failure; the
 * worker decides between retry, fail and stop.
 */
final class JobRunner {
    private final QueueContext ctx;
    private final QueuedJob e;
    private final FileSystemView src;
    private final FileSystemView dst;
    private final byte[] buffer;

    JobRunner(QueueContext ctx, QueuedJob e, FileSystemView src, FileSystemView dst, byte[] buffer) {
        this.ctx = ctx;
        this.e = e;
        this.src = src;
        this.dst = dst;
        this.buffer = buffer;
    }

    Outcome run() throws IOException, InterruptedException {
        TransferJob j = e.job;
        if (j.deletes()) {
            dst.delete(j.target(), j.directory());
            return Outcome.done(UserMessage.of("job.deleted"));
        }
        if (j.directory()) {
            return expand();
        }
        FileEntry source = j.sizeHint() >= 0
                ? new FileEntry("", j.source(), false, j.sizeHint(), j.modifiedHint())
                : src.stat(j.source());
        if (source == null) {
            throw new FtpException(UserMessage.of(src.isRemote() ? "job.noSourceOnServer" : "job.noSource", j.source()));
        }
        if (source.directory()) {
            return expand();
        }
        return copy(source);
    }

    /** Makes the target folder and turns the source folder's entries into jobs; their sizes come along. */
    private Outcome expand() throws IOException {
        TransferJob j = e.job;
        FileEntry existing = dst.stat(j.target());
        if (existing != null && !existing.directory() && !dst.isRemote()) {
            throw new FtpException(UserMessage.of("job.targetIsFile", j.target()));
        }
        boolean newFolder = dst.makeFolder(j.target(), true);
        List<FileEntry> entries = src.list(j.source());
        List<TransferJob> children = new ArrayList<>(entries.size());
        for (FileEntry f : entries) {
            String target = dst.child(j.target(), f.name());
            if (!dst.isRemote()) {
                // A server may list "../x", "a\\b", "CON" or control characters: such a name must
                // never make a download write outside the chosen folder.
                SafeLocalName.Decision d = SafeLocalName.resolve(Path.of(j.target()), f.name());
                if (!d.accepted()) {
                    src.report(d::skippedNotice);
                    continue;
                }
                target = d.path().toString();
            }
            children.add(new TransferJob(j.direction(), f.directory(), j.site(), src.child(j.source(), f.name()),
                    target, j.conflict(), f.directory() ? -1 : f.size(), f.modified(), newFolder));
        }
        return Outcome.expanded(children);
    }

    private Outcome copy(FileEntry source) throws IOException, InterruptedException {
        String target = e.target();
        if (!dst.isRemote()) {
            dst.makeFolder(dst.parent(target), true);
        }
        // In a folder this queue just made there is nothing to ask about (first run only).
        boolean unseen = e.targetUnseen;
        e.targetUnseen = false;
        FileEntry existing = unseen ? null : dst.stat(target);
        ConflictPolicy policy = null;
        if (existing != null) {
            if (existing.directory()) {
                throw new FtpException(UserMessage.of("job.targetIsFolder", target));
            }
            if (e.decided == null && ctx.conflicts.asksUser(e)) {
                // The user decides on what the dialog shows: both times, to the second where the server tells it.
                source = timed(source, src);
                existing = timed(existing, dst);
            }
            policy = e.decided != null ? e.decided : ctx.conflicts.resolve(e, source, existing);
            e.decided = policy;
        }
        // Text changes size on the way (line ends): an ASCII copy starts over and is not size-checked.
        TransferType type = ctx.settings().transferType().typeFor(source.path());
        boolean text = type == TransferType.ASCII;
        boolean newer = policy == ConflictPolicy.OVERWRITE_IF_NEWER && newer(source, existing);
        WritePlan plan = WritePlan.decide(policy, existing != null, source.size(),
                existing == null ? -1 : existing.size(), newer, text, unseen);
        if (plan.skipped() != null) {
            return Outcome.skipped(plan.skipped());
        }
        if (plan.newName()) {
            target = PartFile.freeName(dst, target);
            e.renamedTarget = target;
        }
        // RESUME continues the target itself (the user says it is an earlier partial copy); all else goes via .part
        String writeTo = plan.appends() ? target : PartFile.of(target);
        long offset = plan.appends() ? plan.appendAt()
                : plan.resumePart() ? PartFile.resumeOffset(dst, writeTo, source.size()) : 0;
        e.partPath = plan.appends() ? null : writeTo;
        e.bytesTotal = source.size();
        progress(offset);
        e.run++; // the rate counts from here: the offset was not moved by this run
        transfer(source.path(), writeTo, offset, type);
        if (!text) {
            checkSize(writeTo, source.size());
        }
        if (!plan.appends()) {
            dst.rename(writeTo, target, true);
            e.partPath = null;
        }
        if (ctx.settings().preserveTimes()) {
            preserveTime(source, target);
        }
        return Outcome.done(offset > 0 ? UserMessage.of("job.resumedAt", offset) : null);
    }

    private void transfer(String from, String to, long offset, TransferType type)
            throws IOException, InterruptedException {
        SpeedLimit limit = ctx.speed(e.job.direction());
        long done = offset;
        // the remote stream is opened first and closed last: its close reads the server's verdict
        try (InputStream in = src.openRead(from, offset, type); OutputStream out = dst.openWrite(to, offset, type)) {
            int n;
            while ((n = in.read(buffer, 0, limit.chunk(buffer.length))) >= 0) {
                if (e.stop != Stop.NONE) {
                    dst.abort(); // an upload must not be closed as if complete
                    throw new TransferAbortedException(UserMessage.of("job.stopped"));
                }
                out.write(buffer, 0, n);
                done += n;
                progress(done);
                ctx.moved(n);
                limit.take(n);
            }
        }
    }

    /** The size check after each transfer: a short file is a broken transfer, resumed on retry. */
    private void checkSize(String written, long expected) throws IOException {
        if (expected < 0) {
            return;
        }
        FileEntry got = dst.stat(written);
        long size = got == null ? -1 : got.size();
        if (size < 0 && dst.isRemote()) {
            return; // the server cannot tell sizes
        }
        if (size < expected) {
            throw new FtpException(UserMessage.of("job.endedEarly", Math.max(size, 0), expected), FailureCause.CLOSED, null);
        }
        if (size > expected) {
            dst.delete(written, false); // the source changed under us: start over
            throw new FtpException(UserMessage.of("job.larger", size, expected), FailureCause.OTHER, null);
        }
    }

    /** The entry with its modification time from MDTM (remote: a listing tells minutes or days) or the disk. */
    private static FileEntry timed(FileEntry f, FileSystemView side) throws IOException {
        if (f.modified() != null && !side.isRemote()) {
            return f;
        }
        Instant t = side.modified(f.path());
        return t == null ? f : new FileEntry(f.name(), f.path(), f.directory(), f.size(), t, f.link(),
                f.permissions(), f.owner());
    }

    private boolean newer(FileEntry source, FileEntry target) throws IOException {
        Instant s = source.modified() != null ? source.modified() : src.modified(source.path());
        Instant t = target.modified() != null ? target.modified() : dst.modified(target.path());
        // FTP tells times to the second: compare at that precision, and skip when unsure
        return s != null && t != null && s.truncatedTo(ChronoUnit.SECONDS).isAfter(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private void preserveTime(FileEntry source, String target) throws IOException {
        // A LIST line tells minutes at best ("Dec 3 08:14"); the server's MDTM tells the second.
        Instant t = src.isRemote() || source.modified() == null ? src.modified(source.path()) : null;
        t = t != null ? t : source.modified();
        if (t == null) {
            return;
        }
        try {
            dst.setModified(target, t);
        } catch (FtpReplyException refused) {
            // a refused MFMT leaves the file intact; the time is a nicety
        }
    }

    private void progress(long done) {
        e.bytesDone = done;
        ctx.jobs.markDirty(e);
    }
}
