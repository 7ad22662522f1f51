package io.portside.compare;

import io.portside.compare.PlannedAction.Kind;
import io.portside.files.FileEntry;
import io.portside.files.FileSystemView;
import io.portside.files.RemotePath;
import io.portside.ftp.Site;
import io.portside.transfer.Direction;
import io.portside.transfer.TransferJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A plan carried out on the transfer queue, for the window's Synchronize… and the command
 * line's mirror alike: the target's missing folders are made first (a queued folder job would
 * copy all the folder holds, filters and unticked lines ignored), then each file transfer and
 * each delete becomes one queue job, deletes last.
 *
 * @param localRoot  the compared local folder
 * @param remoteRoot the compared remote folder, as the queue's workers name it (absolute, or
 *                   relative to the folder their sessions start in)
 */
public record SyncJobs(Site site, Path localRoot, String remoteRoot) {

    /** An entry's local path (its segments passed SafeLocalName when the comparison listed them). */
    public Path localPath(String relative) {
        Path p = localRoot;
        for (String segment : relative.split("/")) {
            p = p.resolve(segment);
        }
        return p;
    }

    public String remotePath(String relative) {
        RemotePath p = RemotePath.of(remoteRoot);
        for (String segment : relative.split("/")) {
            p = p.child(segment);
        }
        return p.toString();
    }

    /**
     * Makes, parents first, the folders the plan's transfers go into: each folder action kept
     * in {@code plan}, and each folder of the full plan that a kept file goes into (a user may
     * untick a new folder's line but keep a file in it). Blocks: call it on an I/O thread.
     *
     * @param full the plan before lines were unticked (null: {@code plan} is the whole plan)
     */
    public void makeFolders(SyncPlan plan, SyncPlan full, FileSystemView local, FileSystemView remote)
            throws IOException {
        Set<PlannedAction> kept = new HashSet<>(plan.actions());
        for (PlannedAction a : (full == null ? plan : full).actions()) {
            if (a.kind().transfer() && a.folder() && (kept.contains(a) || holdsKept(plan, a))) {
                if (a.kind() == Kind.DOWNLOAD) {
                    local.makeFolder(localPath(a.path()).toString(), true);
                } else {
                    remote.makeFolder(remotePath(a.path()), true);
                }
            }
        }
    }

    private static boolean holdsKept(SyncPlan plan, PlannedAction folder) {
        String prefix = folder.path() + "/";
        return plan.actions().stream().anyMatch(a -> a.kind() == folder.kind() && a.path().startsWith(prefix));
    }

    /** The queue jobs: a file transfer each (its listed size and time come along), then the deletes. */
    public List<TransferJob> jobs(SyncPlan plan) {
        List<TransferJob> jobs = new ArrayList<>();
        for (PlannedAction a : plan.fileTransfers()) {
            boolean down = a.kind() == Kind.DOWNLOAD;
            FileEntry source = down ? a.entry().remote() : a.entry().local();
            String local = localPath(a.path()).toString();
            String remote = remotePath(a.path());
            jobs.add(new TransferJob(down ? Direction.DOWNLOAD : Direction.UPLOAD, false, site,
                    down ? remote : local, down ? local : remote, a.conflict(), source.size(), source.modified()));
        }
        for (PlannedAction a : plan.deletes()) {
            boolean local = a.kind() == Kind.DELETE_LOCAL;
            jobs.add(TransferJob.delete(site, local ? Direction.DOWNLOAD : Direction.UPLOAD,
                    local ? localPath(a.path()).toString() : remotePath(a.path()), a.folder()));
        }
        return jobs;
    }
}
