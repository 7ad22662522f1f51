package io.portside.cli;

import io.portside.ftp.FtpException;
import io.portside.ftp.event.Units;
import io.portside.transfer.JobProgress;
import io.portside.transfer.JobState;
import io.portside.transfer.QueueTotals;
import io.portside.transfer.TransferJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code mirror URL LOCALDIR} downloads a remote tree; {@code mirror --reverse LOCALDIR URL}
 * uploads one. Runs the transfer queue (lazy tree expansion, N workers, retries, .part files),
 * shows a progress line on a terminal, a summary at the end, and exits 1 naming the failed files.
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
                Copies the folder tree at URL into LOCALDIR (made when missing), or with --reverse the
                tree in LOCALDIR to URL (missing folders are made). --parallel N transfers run at once,
                each file via NAME.part; --on-conflict says what happens to files that exist already.
                A summary follows at the end; each failed file is named on stderr, and the exit code
                is then 1.""";
    }

    @Override
    public int run(CommandContext ctx) throws FtpException, CliException {
        List<String> ops = ctx.operands(2, 2);
        boolean reverse = ctx.options().reverse();
        FtpUrl url = ctx.url(reverse ? ops.get(1) : ops.get(0));
        String localDir = localDir(ctx, reverse ? ops.get(0) : ops.get(1), reverse);
        // The URL's folders are entered by CWD on every worker; its last segment is the tree itself.
        String remoteDir = url.namesFolder() ? "." : url.name();
        long start = System.nanoTime();
        List<JobProgress> jobs;
        try (QueueRun run = new QueueRun(ctx, url, ctx.options().parallel(), reverse, true)) {
            if (ctx.terminal()) {
                run.queue().addListener(u -> ctx.err().print("\r" + progressLine(u.totals()) + "   "));
            }
            jobs = run.run(reverse ? TransferJob.uploadTree(url.site(), localDir, remoteDir)
                    : TransferJob.downloadTree(url.site(), remoteDir, localDir));
        }
        if (ctx.terminal()) {
            ctx.err().println();
        }
        return summary(jobs, ctx, start);
    }

    /** Checked before connecting, so a typo costs no connection. */
    private static String localDir(CommandContext ctx, String local, boolean mustExist) throws CliException {
        Path path = ctx.local(local, "folder");
        if (mustExist && !Files.isDirectory(path)) {
            throw CliException.localFile(TerminalText.printable(local) + " is not a folder", null);
        }
        return path.toString();
    }

    static String progressLine(QueueTotals t) {
        int files = t.total() - t.skipped() - t.cancelled();
        return String.format(Locale.ROOT, "%d/%d done, %s, %s", t.done(), files, Units.size(t.bytesDone()),
                Units.rate((long) t.rate(), Duration.ofSeconds(1)));
    }

    /** The summary line on stdout, each failed file on stderr; the exit code: 1 when any failed. */
    static int summary(List<JobProgress> jobs, CommandContext ctx, long start) {
        long files = 0;
        long bytes = 0;
        long skipped = 0;
        List<JobProgress> failed = jobs.stream().filter(j -> j.state() == JobState.FAILED).toList();
        for (JobProgress j : jobs) {
            if (!j.job().directory() && j.state() == JobState.DONE) {
                files++;
                bytes += Math.max(0, j.bytesTotal());
            } else if (j.state() == JobState.SKIPPED) {
                skipped++;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        ctx.out().printf(Locale.ROOT, "%d files, %s in %s (%s); %d skipped, %d failed%n", files, Units.size(bytes),
                Units.duration(took), Units.rate(bytes, took), skipped, failed.size());
        ctx.out().flush();
        for (JobProgress j : failed) {
            ctx.err().println("portside: failed: " + TerminalText.printable(j.job().source()) + ": " + j.message());
        }
        return failed.isEmpty() ? ExitCode.OK : ExitCode.REMOTE_FAILURE;
    }
}
