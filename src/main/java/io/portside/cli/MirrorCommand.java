package io.portside.cli;

import io.portside.compare.PlannedAction;
import io.portside.compare.SyncDirection;
import io.portside.compare.SyncPlan;
import io.portside.compare.SyncPlanner;
import io.portside.files.FtpFiles;
import io.portside.files.LocalFiles;
import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.event.Units;
import io.portside.transfer.JobProgress;
import io.portside.transfer.JobState;
import io.portside.transfer.QueueTotals;
import io.portside.transfer.TransferJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code mirror URL LOCALDIR} brings a local tree in line with a remote one; {@code mirror
 * --reverse LOCALDIR URL} the other way. Compares the two first (one listing per folder) and
 * transfers only what the target lacks or what differs (size, or a newer source), through the
 * transfer queue; {@code --delete} then removes what the source lacks; {@code --dry-run} prints
 * the plan and changes nothing. A summary follows; failed files are named on stderr (exit 1).
 */
final class MirrorCommand implements Command {
    @Override
    public String name() {
        return "mirror";
    }

    @Override
    public String operands() {
        return "URL LOCALDIR | --reverse LOCALDIR URL";
    }

    @Override
    public String description() {
        return """
                Brings LOCALDIR (made when missing) in line with the folder tree at URL, or with --reverse
                the tree at URL (missing folders are made) with LOCALDIR: only files the target lacks,
                or whose size differs, or whose source is newer, are copied; identical ones are counted
                as unchanged. --on-conflict says what happens to those that differ (skip: keep them,
                newer: copy only a newer source). --delete removes on the target, after the transfers,
                what the source does not have. --dry-run prints the plan, one line per action (download,
                upload, delete, skip-conflict), and changes nothing. --include, --exclude, --skip-hidden,
                --time-offset and --time-tolerance as for compare. --parallel N transfers run at once,
                each file via NAME.part. A summary follows; each failed file is named on stderr, and the
                exit code is then 1.""";
    }

    @Override
    public int run(CommandContext ctx) throws FtpException, CliException {
        List<String> ops = ctx.operands(2, 2);
        boolean reverse = ctx.options().reverse();
        SyncOptions sync = ctx.options().sync();
        FtpUrl url = ctx.url(reverse ? ops.get(1) : ops.get(0));
        Path localDir = localDir(ctx, reverse ? ops.get(0) : ops.get(1), reverse);
        long start = System.nanoTime();
        SyncPlan plan;
        List<TransferJob> copies;
        List<TransferJob> deletes;
        // a dry run makes no folders, not even the URL's (their CWD then fails, and says so)
        try (TreeComparison tc = TreeComparison.open(ctx, url, localDir, reverse && !sync.dryRun(), true)) {
            if (!reverse && !tc.remoteExists()) {
                throw new FtpException("there is no folder " + TerminalText.printable(url.displayPath())
                        + " on the server");
            }
            plan = SyncPlanner.plan(tc.result(), reverse ? SyncDirection.LOCAL_TO_REMOTE : SyncDirection.REMOTE_TO_LOCAL,
                    ctx.options().conflict(), sync.delete());
            if (sync.dryRun()) {
                return dryRun(ctx, plan);
            }
            for (PlannedAction a : plan.conflicts()) {
                ctx.out().println(TreeComparison.line(a));
            }
            makeFolders(tc, plan, reverse);
            List<TransferJob> jobs = tc.forWorkers().jobs(plan);
            copies = jobs.stream().filter(j -> !j.deletes()).toList();
            deletes = jobs.stream().filter(TransferJob::deletes).toList();
        }
        List<JobProgress> done = copies.isEmpty() ? List.of() : transfer(ctx, url, reverse, copies);
        // after every transfer: what the source lacks
        List<JobProgress> deleted = deletes.isEmpty() ? List.of() : transfer(ctx, url, reverse, deletes);
        return summary(done, deleted, plan, ctx, start);
    }

    private static int dryRun(CommandContext ctx, SyncPlan plan) {
        for (PlannedAction a : plan.actions()) {
            ctx.out().println(TreeComparison.line(a));
        }
        ctx.out().printf(Locale.ROOT, "dry run: %d files to transfer (%s), %d to delete, %d skipped, %d unchanged;"
                        + " nothing was changed%n", plan.fileTransfers().size(), Units.size(plan.bytes()),
                plan.deletes().size(), plan.conflicts().size(), plan.unchanged());
        return ExitCode.OK;
    }

    /** The target's missing folders, parents first (the tree itself too), before any file goes in. */
    private static void makeFolders(TreeComparison tc, SyncPlan plan, boolean reverse) throws FtpException, CliException {
        FtpSession session = tc.session();
        try {
            if (!reverse) {
                Files.createDirectories(tc.localRoot());
            } else if (!tc.remoteExists()) {
                session.files().mkdir(tc.remoteRoot());
                session.cwd(tc.remoteRoot());
            }
        } catch (IOException e) {
            throw CliException.localFile("cannot make a folder in " + tc.localRoot() + ": "
                    + TerminalText.describe(e), e);
        }
        try {
            tc.forSession().makeFolders(plan, null, LocalFiles.INSTANCE, new FtpFiles(session));
        } catch (FtpException e) {
            throw e;
        } catch (IOException e) {
            throw CliException.localFile("cannot make a folder in " + tc.localRoot() + ": "
                    + TerminalText.describe(e), e);
        }
    }

    private static List<JobProgress> transfer(CommandContext ctx, FtpUrl url, boolean reverse, List<TransferJob> jobs)
            throws FtpException {
        List<JobProgress> done;
        try (QueueRun run = new QueueRun(ctx, url, ctx.options().parallel(), reverse, true)) {
            if (ctx.terminal()) {
                run.queue().addListener(u -> ctx.err().print("\r" + progressLine(u.totals()) + "   "));
            }
            done = run.run(jobs);
        }
        if (ctx.terminal()) {
            ctx.err().println();
        }
        return done;
    }

    /** Checked before connecting, so a typo costs no connection. */
    private static Path localDir(CommandContext ctx, String local, boolean mustExist) throws CliException {
        Path path = ctx.local(local, "folder");
        if (mustExist ? !Files.isDirectory(path) : Files.exists(path) && !Files.isDirectory(path)) {
            throw CliException.localFile(TerminalText.printable(local) + " is not a folder", null);
        }
        return path;
    }

    static String progressLine(QueueTotals t) {
        int files = t.total() - t.skipped() - t.cancelled();
        return String.format(Locale.ROOT, "%d/%d done, %s, %s", t.done(), files, Units.size(t.bytesDone()),
                Units.rate((long) t.rate(), Duration.ofSeconds(1)));
    }

    /** A queue run's summary (queue resume): no plan, so nothing unchanged or deleted to count. */
    static int summary(List<JobProgress> jobs, CommandContext ctx, long start) {
        return summary(jobs, List.of(), null, ctx, start);
    }

    /** The summary line on stdout, each failed file and delete on stderr; the exit code: 1 when any failed. */
    private static int summary(List<JobProgress> jobs, List<JobProgress> deletes, SyncPlan plan, CommandContext ctx,
                               long start) {
        long files = 0;
        long bytes = 0;
        long skipped = plan == null ? 0 : plan.conflicts().size();
        List<JobProgress> failed = jobs.stream().filter(j -> j.state() == JobState.FAILED).toList();
        List<JobProgress> failedDeletes = deletes.stream().filter(j -> j.state() != JobState.DONE).toList();
        for (JobProgress j : jobs) {
            if (!j.job().directory() && j.state() == JobState.DONE) {
                files++;
                bytes += Math.max(0, j.bytesTotal());
            } else if (j.state() == JobState.SKIPPED) {
                skipped++;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String unchanged = plan == null ? "" : plan.unchanged() + " unchanged, ";
        String deleted = plan == null || !ctx.options().sync().delete() ? ""
                : ", " + (deletes.size() - failedDeletes.size()) + " deleted";
        ctx.out().printf(Locale.ROOT, "%d files, %s in %s (%s); %s%d skipped, %d failed%s%n", files,
                Units.size(bytes), Units.duration(took), Units.rate(bytes, took), unchanged, skipped,
                failed.size() + failedDeletes.size(), deleted);
        ctx.out().flush();
        for (JobProgress j : failed) {
            ctx.err().println("portside: failed: " + TerminalText.printable(j.job().source()) + ": " + j.message());
        }
        for (JobProgress j : failedDeletes) {
            ctx.err().println("portside: failed: delete " + TerminalText.printable(j.job().target()) + ": "
                    + j.message());
        }
        return failed.isEmpty() && failedDeletes.isEmpty() ? ExitCode.OK : ExitCode.REMOTE_FAILURE;
    }
}
