package io.portside.ui.queue;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpSession;
import io.portside.ftp.Site;
import io.portside.transfer.ConflictDecision;
import io.portside.transfer.ConflictPolicy;
import io.portside.transfer.JobProgress;
import io.portside.transfer.QueueSettings;
import io.portside.transfer.SessionFactory;
import io.portside.transfer.TransferJob;
import io.portside.ui.queue.Conflict.Choice;
import io.portside.ui.queue.TransferRequest.Direction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The window's {@link TransferQueue} over the real {@code io.portside.transfer} queue: the one
 * place that knows both. Workers' sessions are opened with the connection bar's current
 * options, and a mode switch reaches the sessions already open.
 */
public final class TransferQueueAdapter implements TransferQueue {
    private final io.portside.transfer.TransferQueue queue;
    private final Supplier<Site> site;
    private final Set<FtpSession> sessions = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new WeakHashMap<>()));
    /** The requests as the window made them, for snapshots of jobs it added. */
    private final Map<Long, TransferRequest> requests = new ConcurrentHashMap<>();
    private AutoCloseable subscription;

    /**
     * @param site   the server the jobs go to (the connected one)
     * @param opener opens a worker session with the bar's current options
     */
    public TransferQueueAdapter(QueueSettings settings, Supplier<Site> site, SessionFactory opener) {
        this.site = site;
        this.queue = new io.portside.transfer.TransferQueue(settings, (s, owner) -> {
            FtpSession session = opener.open(s, owner);
            sessions.add(session);
            return session;
        });
        queue.start();
    }

    @Override
    public long submit(TransferRequest r) {
        boolean up = r.direction() == Direction.UPLOAD;
        String local = r.local().toString();
        TransferJob job = new TransferJob(up ? io.portside.transfer.Direction.UPLOAD : io.portside.transfer.Direction.DOWNLOAD,
                r.folder(), site.get(), up ? local : r.remote(), up ? r.remote() : local, null, r.size(), null);
        long id = queue.add(job);
        requests.put(id, r);
        return id;
    }

    @Override
    public void pause(long id) {
        queue.pause(List.of(id));
    }

    @Override
    public void resume(long id) {
        queue.resume(List.of(id));
    }

    @Override
    public void cancel(long id) {
        queue.cancel(List.of(id));
    }

    @Override
    public void retry(long id) {
        queue.retry(List.of(id));
    }

    @Override
    public void remove(long id) {
        queue.remove(List.of(id));
    }

    /** Limits all transfers together to about {@code bytesPerSecond} (0: no limit). */
    public void setSpeedLimit(long bytesPerSecond) {
        queue.setSpeedLimit(bytesPerSecond);
    }

    @Override
    public void onChange(Consumer<JobSnapshot> listener) {
        subscription = queue.addListener(update -> {
            for (JobProgress p : update.changed()) {
                listener.accept(snapshot(p));
            }
            for (long id : update.removed()) {
                TransferRequest r = requests.remove(id);
                if (r != null) {
                    listener.accept(new JobSnapshot(id, r, -1, 0, 0, JobState.REMOVED, null));
                }
            }
        });
    }

    private JobSnapshot snapshot(JobProgress p) {
        TransferJob j = p.job();
        boolean up = j.direction() == io.portside.transfer.Direction.UPLOAD;
        // The target may differ from the job's (renamed on conflict); show where bytes really go.
        String target = p.target() != null ? p.target() : j.target();
        TransferRequest r = new TransferRequest(up ? Direction.UPLOAD : Direction.DOWNLOAD,
                Path.of(up ? j.source() : target), up ? target : j.source(), j.directory(), p.bytesTotal());
        requests.putIfAbsent(p.id(), r);
        return new JobSnapshot(p.id(), r, p.bytesTotal(), p.bytesDone(), p.rate(),
                JobState.valueOf(p.state().name()), p.message());
    }

    @Override
    public void onConflict(ConflictResolver resolver) {
        queue.setConflictResolver(c -> {
            TransferJob j = c.job();
            boolean up = j.direction() == io.portside.transfer.Direction.UPLOAD;
            TransferRequest r = new TransferRequest(up ? Direction.UPLOAD : Direction.DOWNLOAD,
                    Path.of(j.localPath()), j.remotePath(), j.directory(), c.source().size());
            Conflict.Decision d = resolver.resolve(new Conflict(r, c.source().size(), c.source().modified(),
                    c.target().size(), c.target().modified()));
            return new ConflictDecision(policy(d.choice()), d.applyToAll());
        });
    }

    private static ConflictPolicy policy(Choice c) {
        return switch (c) {
            case OVERWRITE -> ConflictPolicy.OVERWRITE;
            case OVERWRITE_IF_NEWER -> ConflictPolicy.OVERWRITE_IF_NEWER;
            case RESUME -> ConflictPolicy.RESUME;
            case RENAME -> ConflictPolicy.RENAME;
            case SKIP -> ConflictPolicy.SKIP;
        };
    }

    @Override
    public void setMode(DataMode mode, ExtendedMode extended) {
        synchronized (sessions) {
            for (FtpSession s : sessions) {
                if (s.isConnected()) {
                    s.setMode(mode, extended);
                }
            }
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // closing a listener handle cannot fail in a way we could act on
            }
        }
        queue.close();
        synchronized (sessions) {
            sessions.forEach(FtpSession::close);
        }
    }
}
