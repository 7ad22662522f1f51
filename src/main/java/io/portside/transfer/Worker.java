package io.portside.transfer;

import io.portside.files.FileSystemView;
import io.portside.files.FtpFiles;
import io.portside.files.LocalFiles;
import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * One transfer slot: a thread with its own logged-in session, reused job after job. The
 * session opens lazily, and again after a connection-level failure; it is tagged with the
 * worker's name ("w1") so the protocol log shows which worker did what.
 */
final class Worker implements Runnable {
    final String tag;
    private final QueueContext ctx;
    private final SessionFactory sessions;
    private final byte[] buffer = new byte[64 * 1024];
    final Thread thread;

    /** The site this worker holds (or is about to open) a connection to; guarded by the queue's lock. */
    String boundSite;
    /** Set by the queue when parallelism drops: finish the current job, then leave. Guarded by the queue's lock. */
    boolean retiring;
    /** True while the worker waits in the pool for a task. Guarded by the queue's lock. */
    boolean waiting;

    private FtpSession session;
    /** The connection that closed under this worker (the next one says it replaces it), or null. */
    private String closedUnder;
    private volatile FileSystemView remote;

    Worker(String tag, QueueContext ctx, SessionFactory sessions) {
        this.tag = tag;
        this.ctx = ctx;
        this.sessions = sessions;
        this.thread = new Thread(this, "portside-" + tag);
        thread.setDaemon(true);
    }

    @Override
    public void run() {
        try {
            while (true) {
                WorkerPool.Task task = ctx.pool.take(this);
                if (task == null) {
                    return;
                }
                if (task.job() == null) {
                    closeSession(); // idle for a while: do not hold the server's connection for nothing
                } else if (task.cleanup()) {
                    cleanUp(task.job());
                } else {
                    execute(task.job());
                }
            }
        } catch (InterruptedException e) {
            // the queue is closing
        } finally {
            closeSession();
            ctx.pool.workerExited(this);
        }
    }

    private void execute(QueuedJob e) throws InterruptedException {
        Outcome outcome = null;
        Throwable failure = null;
        FileSystemView local = LocalFiles.INSTANCE;
        try {
            FileSystemView ftp = connect(e.job.site());
            boolean down = e.job.direction() == Direction.DOWNLOAD;
            outcome = new JobRunner(ctx, e, down ? ftp : local, down ? local : ftp, buffer).run();
        } catch (InterruptedException ie) {
            if (ctx.pool.isClosed()) {
                ctx.lifecycle.settle(e, null, ie);
                throw ie;
            }
            failure = ie;
        } catch (Exception | Error t) {
            failure = t;
        }
        if (outcome == null && (e.stop == Stop.CANCEL || e.stop == Stop.REMOVE)) {
            deletePart(e);
        }
        ctx.lifecycle.settle(e, outcome, failure);
        if (session != null && !session.isConnected()) {
            closedUnder = session.connectionId().toString();
            closeSession(); // broken: the next job reconnects
        }
    }

    /** Deletes a cancelled job's .part left from an earlier attempt. */
    private void cleanUp(QueuedJob e) {
        deletePart(e);
        ctx.pool.cleanedUp();
    }

    private void deletePart(QueuedJob e) {
        String part = e.partPath;
        if (part == null) {
            return;
        }
        try {
            FileSystemView side = e.job.direction() == Direction.DOWNLOAD ? LocalFiles.INSTANCE : connect(e.job.site());
            side.delete(part, false);
            e.partPath = null;
        } catch (IOException ignored) {
            // already gone, or the server is unreachable: the target itself was never touched either way
        }
    }

    private FileSystemView connect(Site site) throws FtpException {
        if (session != null && !session.isConnected()) {
            closedUnder = session.connectionId().toString(); // the server hung up while the worker was idle
        }
        if (session != null && (!session.isConnected() || !session.site().accountKey().equals(site.accountKey()))) {
            closeSession();
        }
        if (session == null) {
            session = sessions.open(site, tag);
            remote = new FtpFiles(session);
            if (closedUnder != null) {
                String old = closedUnder;
                session.report(id -> new ProtocolEvent.Notice(Instant.now(), id, ProtocolEvent.Notice.Severity.INFO,
                        "reconnected.worker", List.of(old)));
            }
            closedUnder = null;
        }
        return remote;
    }

    /** Stops the running transfer from another thread: the data connection closes, the transfer fails. */
    void abortCurrent() {
        FileSystemView r = remote;
        if (r != null) {
            r.abort();
        }
    }

    private void closeSession() {
        FtpSession s = session;
        session = null;
        remote = null;
        if (s != null) {
            s.close();
        }
    }
}
