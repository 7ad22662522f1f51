package io.portside.cli;

import io.portside.ftp.FtpException;
import io.portside.ftp.event.Units;
import io.portside.transfer.JobProgress;
import io.portside.transfer.JobState;
import io.portside.transfer.TransferJob;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code get URL [LOCALFILE]}: downloads byte for byte, as a one-job run of the transfer
 * queue. Into an existing folder (or the current one when LOCALFILE is left out) the file
 * keeps its remote name, made safe.
 */
final class GetCommand implements Command {
    @Override
    public String name() {
        return "get";
    }

    @Override
    public String operands() {
        return "URL [LOCALFILE]";
    }

    @Override
    public String description() {
        return """
                Downloads the file at URL to LOCALFILE. When LOCALFILE is a folder (default: the current
                one), the file keeps its remote name in it. The bytes go to LOCALFILE.part first, which
                replaces LOCALFILE only when the download is complete.""";
    }

    @Override
    public int run(CommandContext ctx) throws FtpException, CliException {
        List<String> ops = ctx.operands(1, 2);
        FtpUrl url = ctx.url(ops.get(0));
        if (url.namesFolder()) {
            throw ctx.usage("the URL names a folder, not a file (it ends with /)");
        }
        Path target = target(ops.size() > 1 ? ops.get(1) : ".", url.name());
        JobProgress job;
        try (QueueRun run = new QueueRun(ctx, url, 1, false, false)) {
            job = run.run(TransferJob.download(url.site(), url.name(), target.toString())).get(0);
            run.throwIfFailed(job);
        }
        if (job.state() == JobState.SKIPPED) {
            ctx.out().println("skipped " + LocalFiles.printable(url.displayPath()) + ": " + job.message());
        } else {
            ctx.out().println("downloaded " + LocalFiles.printable(url.displayPath()) + " to " + job.target()
                    + " (" + Units.bytes(job.bytesDone(), Locale.ROOT) + " bytes)");
        }
        return ExitCode.OK;
    }

    /** Checked before connecting, so a typo costs no connection. */
    private static Path target(String local, String remoteName) throws CliException {
        Path path;
        try {
            path = Path.of(local);
        } catch (InvalidPathException e) {
            throw CliException.usage("'" + local + "' is not a valid local file name: " + e.getReason());
        }
        if (Files.isDirectory(path)) {
            return LocalFiles.inside(path, remoteName);
        }
        if (local.endsWith("/") || local.endsWith(File.separator)) {
            throw CliException.localFile("there is no folder " + local, null);
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw CliException.localFile("cannot save to " + local + ": the folder " + parent + " does not exist", null);
        }
        return path;
    }
}
