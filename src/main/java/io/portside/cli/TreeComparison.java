package io.portside.cli;

import io.portside.compare.ComparisonResult;
import io.portside.compare.FolderComparer;
import io.portside.compare.PlannedAction;
import io.portside.compare.SyncJobs;
import io.portside.files.FtpFiles;
import io.portside.files.LocalFiles;
import io.portside.ftp.FtpException;
import io.portside.ftp.FtpReplyException;
import io.portside.ftp.FtpSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * compare and mirror: one session to the URL's tree, the comparison of it with the local
 * folder, and the paths the queue's workers (who stand in the URL's folders, not in the tree)
 * and this session give the same entry.
 */
final class TreeComparison implements AutoCloseable {
    private final FtpUrl url;
    private final FtpSession session;
    private final Path localDir;
    private final boolean remoteExists;
    private final ComparisonResult result;

    private TreeComparison(FtpUrl url, FtpSession session, Path localDir, boolean remoteExists,
                           ComparisonResult result) {
        this.url = url;
        this.session = session;
        this.localDir = localDir;
        this.remoteExists = remoteExists;
        this.result = result;
    }

    /**
     * Logs in, enters the URL's tree (when it exists) and compares it with {@code localDir}.
     *
     * @param localDir    null-safe: a folder that does not exist compares as empty
     * @param makeFolders make the URL's missing folders above the tree (uploads)
     */
    static TreeComparison open(CommandContext ctx, FtpUrl url, Path localDir, boolean makeFolders, boolean recursive)
            throws FtpException, CliException {
        FtpSession session = ctx.openAt(url, "", makeFolders);
        try {
            boolean exists = true;
            if (!url.namesFolder()) {
                try {
                    session.cwd(url.name());
                } catch (FtpReplyException missing) {
                    exists = false;
                }
            }
            FolderComparer comparer = new FolderComparer(LocalFiles.INSTANCE, new FtpFiles(session),
                    ctx.options().sync().settings(recursive));
            String local = java.nio.file.Files.isDirectory(localDir) ? localDir.toString() : null;
            ComparisonResult result;
            try {
                result = comparer.compare(local, exists ? "." : null);
            } catch (FtpException e) {
                throw e;
            } catch (IOException | java.io.UncheckedIOException e) {
                throw CliException.localFile("cannot read " + TerminalText.printable(localDir.toString()) + ": "
                        + TerminalText.describe(e instanceof java.io.UncheckedIOException u ? u.getCause() : e), e);
            }
            return new TreeComparison(url, session, localDir, exists, result);
        } catch (FtpException | CliException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    ComparisonResult result() {
        return result;
    }

    boolean remoteExists() {
        return remoteExists;
    }

    /** This session, standing in the tree (once it exists). */
    FtpSession session() {
        return session;
    }

    /** The tree as the workers name it: the URL's last segment, or "." when the URL names its folder. */
    String remoteRoot() {
        return url.namesFolder() ? "." : url.name();
    }

    /** The plan's jobs as the queue's workers (who stand in the URL's folders) name their paths. */
    SyncJobs forWorkers() {
        return new SyncJobs(url.site(), localDir, remoteRoot());
    }

    /** Paths as this session, standing in the tree itself, names them. */
    SyncJobs forSession() {
        return new SyncJobs(url.site(), localDir, ".");
    }

    Path localRoot() {
        return localDir;
    }

    /** One plan line: "download      docs/a b.txt", "skip-conflict clash  (type clash)". */
    static String line(PlannedAction a) {
        String line = String.format(Locale.ROOT, "%-13s %s%s", a.kind().words(), TerminalText.printable(a.path()),
                a.folder() ? "/" : "");
        return a.kind() == PlannedAction.Kind.SKIP_CONFLICT ? line + "  (" + a.entry().state().words() + ")" : line;
    }

    @Override
    public void close() {
        session.close();
    }
}
