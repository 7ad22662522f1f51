package io.portside.cli;

import io.portside.files.SafeLocalName;
import io.portside.ftp.FtpException;
import io.portside.ftp.event.Units;
import io.portside.transfer.JobProgress;
import io.portside.transfer.JobState;
import io.portside.transfer.TransferJob;
import java.io.File;
import java.nio.file.Files;
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
        Path target = target(ctx, ops.size() > 1 ? ops.get(1) : ".", url.name());
        JobProgress job;
        try (QueueRun run = new QueueRun(ctx, url, 1, false, false)) {
            job = run.run(TransferJob.download(url.site(), url.name(), target.toString())).get(0);
            run.throwIfFailed(job);
        }
        if (job.state() == JobState.SKIPPED) {
            ctx.out().println("skipped " + TerminalText.printable(url.displayPath()) + ": " + job.message());
        } else {
            ctx.out().println("downloaded " + TerminalText.printable(url.displayPath()) + " to "
                    + TerminalText.printable(job.target()) + " (" + Units.bytes(job.bytesDone(), Locale.ROOT)
                    + " bytes)");
        }
        return ExitCode.OK;
    }

    /**
     * Checked before connecting, so a typo costs no connection. Into a folder the file keeps
     * its remote name when {@link SafeLocalName} accepts it (the same rule as the window's and
     * the queue's); a name the user typed is the user's choice.
     */
    private static Path target(CommandContext ctx, String local, String remoteName) throws CliException {
        Path path = ctx.local(local, "file");
        if (Files.isDirectory(path)) {
            SafeLocalName.Decision d = SafeLocalName.resolve(path, remoteName);
            if (!d.accepted()) {
                throw CliException.usage("the remote name '" + d.printableName() + "' cannot be a local file name ("
                        + d.reason() + "); give LOCALFILE with a name");
            }
            return d.path();
        }
        if (local.endsWith("/") || local.endsWith(File.separator)) {
            throw CliException.localFile("there is no folder " + TerminalText.printable(local), null);
        }
        Path parent = path.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw CliException.localFile("cannot save to " + TerminalText.printable(local) + ": the folder " + parent
                    + " does not exist", null);
        }
        return path;
    }
}
