package io.portside.cli;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.transfer.Direction;
import io.portside.transfer.JobProgress;
import io.portside.transfer.JobState;
import io.portside.transfer.QueueSettings;
import io.portside.transfer.SessionFactory;
import io.portside.transfer.TransferJob;
import io.portside.transfer.TransferQueue;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * get, put and mirror all run their transfers through one {@link TransferQueue}, with the
 * command line's options: the same .part files, size checks, retries and conflict policy as
 * the window's queue. Every worker's session logs in and changes into the URL's folders
 * (RFC 1738), so the jobs use paths relative to there.
 */
final class QueueRun implements AutoCloseable {
    private final TransferQueue queue;
    private final AtomicBoolean toldNoMfmt = new AtomicBoolean();
    /** Whether the run uploads; set before the workers start (they open sessions only then). */
    private volatile boolean uploads;

    /**
     * @param parallel    workers (and connections) at once
     * @param makeFolders create missing URL folders (uploads)
     * @param tagWorkers  name each worker's connections in the log ("w1 ctl#1"); pointless with one job
     */
    QueueRun(CommandContext ctx, FtpUrl url, int parallel, boolean makeFolders, boolean tagWorkers) {
        this(ctx, parallel, (site, owner) -> ctx.openAt(url, tagWorkers ? owner : "", makeFolders));
    }

    /**
     * A run whose jobs name paths from the login folder, as the saved queue's do.
     *
     * @param opener opens each worker's session
     */
    QueueRun(CommandContext ctx, int parallel, SessionFactory opener) {
        CliOptions o = ctx.options();
        int perSite = o.connectionsPerSite() > 0 ? o.connectionsPerSite() : parallel;
        QueueSettings settings = QueueSettings.defaults().withParallelism(parallel).withPerSiteLimit(perSite)
                .withConflict(o.conflict()).withRetry(QueueSettings.defaults().retry().withRetries(o.retries()))
                .withTransferType(o.type()).withSpeedLimit(o.limitRate()).withPreserveTimes(o.preserveTimes());
        SessionFactory sessions = (site, owner) -> {
            FtpSession session = opener.open(site, owner);
            if (o.preserveTimes() && uploads && !session.capabilities().mfmt()
                    && toldNoMfmt.compareAndSet(false, true)) {
                // Said once for the run, not per file: the queue's log says it per connection.
                ctx.err().println("portside: note: " + site.host() + " cannot set modification times (its FEAT lists"
                        + " no MFMT), so --preserve-times cannot keep the uploaded files' times");
            }
            return session;
        };
        this.queue = new TransferQueue(settings, sessions);
    }

    TransferQueue queue() {
        return queue;
    }

    /** Runs the job (a folder job with everything in it) to the end; returns every job's final state. */
    List<JobProgress> run(TransferJob job) throws FtpException {
        return run(List.of(job));
    }

    /** Runs the jobs (all one direction) to the end; returns every job's final state. */
    List<JobProgress> run(List<TransferJob> jobs) throws FtpException {
        uploads = jobs.get(0).direction() == Direction.UPLOAD;
        queue.addAll(jobs);
        return runToEnd();
    }

    /** Runs every job of the queue to the end, the paused and the failed ones too; returns their final states. */
    List<JobProgress> resumeAll() throws FtpException {
        uploads = queue.snapshot().stream().anyMatch(j -> j.job().direction() == Direction.UPLOAD);
        queue.resumeAll();
        queue.retryFailed();
        return runToEnd();
    }

    private List<JobProgress> runToEnd() throws FtpException {
        queue.start();
        try {
            queue.awaitIdle(Duration.ofDays(365)); // a command line waits as long as the transfer takes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FtpException("interrupted while transferring");
        }
        return queue.snapshot();
    }

    /**
     * For a single-file command: nothing when the job did not fail; else deletes what it left
     * (its .part: a command line that ended has nothing to resume) and throws its failure the
     * way {@link Cli} reports it: a server or network failure as itself (exit 1), a local file
     * error as such (exit 3).
     */
    void throwIfFailed(JobProgress job) throws FtpException, CliException {
        if (job.state() != JobState.FAILED) {
            return;
        }
        Throwable failure = queue.failure(job.id());
        queue.remove(List.of(job.id()));
        try {
            queue.awaitIdle(Duration.ofSeconds(30)); // the .part clean-up, on a worker
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof FtpException f) {
            throw f;
        }
        if (failure instanceof IOException io) {
            throw CliException.localFile(job.message(), io);
        }
        throw new IllegalStateException(job.message(), failure);
    }

    @Override
    public void close() {
        queue.close();
    }
}
