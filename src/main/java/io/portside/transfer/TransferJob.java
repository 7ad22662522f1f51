package io.portside.transfer;

import io.portside.ftp.Site;
import java.time.Instant;

/**
 * What to transfer: an immutable spec. A directory job is expanded lazily into child jobs,
 * folder by folder, when a worker reaches it.
 *
 * @param source     a local path for uploads, a remote path for downloads
 * @param target     the other side's path
 * @param conflict   the policy for an existing target, or null for the queue's default
 * @param sizeHint   the source's size when already known (from a listing), else -1
 * @param modifiedHint the source's modification time when already known, else null
 * @param inNewFolder  the target's folder was just made by this queue (MKD succeeded), so neither
 *                     the target nor its .part can exist yet: the first attempt asks the server
 *                     nothing about them. Not saved with the queue.
 * @param deletes      the job removes {@code target} (a file, or a folder with all it holds) instead of
 *                     copying to it: a synchronization's "delete what the source lacks". The direction
 *                     names the side, as for a copy: DOWNLOAD deletes a local path, UPLOAD a remote one.
 */
public record TransferJob(Direction direction, boolean directory, Site site, String source, String target,
                          ConflictPolicy conflict, long sizeHint, Instant modifiedHint, boolean inNewFolder,
                          boolean deletes) {

    public TransferJob(Direction direction, boolean directory, Site site, String source, String target,
                       ConflictPolicy conflict, long sizeHint, Instant modifiedHint, boolean inNewFolder) {
        this(direction, directory, site, source, target, conflict, sizeHint, modifiedHint, inNewFolder, false);
    }

    public TransferJob(Direction direction, boolean directory, Site site, String source, String target,
                       ConflictPolicy conflict, long sizeHint, Instant modifiedHint) {
        this(direction, directory, site, source, target, conflict, sizeHint, modifiedHint, false);
    }

    /**
     * Removes {@code path} on the side {@code side} writes to (DOWNLOAD: the local disk, UPLOAD:
     * the server), a folder with everything in it.
     */
    public static TransferJob delete(Site site, Direction side, String path, boolean folder) {
        return new TransferJob(side, folder, site, path, path, null, -1, null, false, true);
    }

    public static TransferJob download(Site site, String remoteFile, String localFile) {
        return new TransferJob(Direction.DOWNLOAD, false, site, remoteFile, localFile, null, -1, null);
    }

    public static TransferJob upload(Site site, String localFile, String remoteFile) {
        return new TransferJob(Direction.UPLOAD, false, site, localFile, remoteFile, null, -1, null);
    }

    public static TransferJob downloadTree(Site site, String remoteDir, String localDir) {
        return new TransferJob(Direction.DOWNLOAD, true, site, remoteDir, localDir, null, -1, null);
    }

    public static TransferJob uploadTree(Site site, String localDir, String remoteDir) {
        return new TransferJob(Direction.UPLOAD, true, site, localDir, remoteDir, null, -1, null);
    }

    public TransferJob withConflict(ConflictPolicy policy) {
        return new TransferJob(direction, directory, site, source, target, policy, sizeHint, modifiedHint, inNewFolder,
                deletes);
    }

    public String remotePath() {
        return direction == Direction.DOWNLOAD ? source : target;
    }

    public String localPath() {
        return direction == Direction.DOWNLOAD ? target : source;
    }
}
