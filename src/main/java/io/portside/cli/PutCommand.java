package io.portside.cli;

import io.portside.files.RemotePath;
import io.portside.ftp.FtpException;
import io.portside.ftp.event.Units;
import io.portside.transfer.JobProgress;
import io.portside.transfer.JobState;
import io.portside.transfer.TransferJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code put LOCALFILE URL}: uploads byte for byte, as a one-job run of the transfer queue
 * (to NAME.part on the server, renamed when complete); a URL ending in / keeps the local name.
 */
final class PutCommand implements Command {
    @Override
    public String name() {
        return "put";
    }

    @Override
    public String operands() {
        return "LOCALFILE URL";
    }

    @Override
    public String description() {
        return "Uploads LOCALFILE to URL. When URL ends with / (a folder), the file keeps its local name.";
    }

    @Override
    public int run(CommandContext ctx) throws FtpException, CliException {
        List<String> ops = ctx.operands(2, 2);
        Path source = source(ctx, ops.get(0));
        FtpUrl url = ctx.url(ops.get(1));
        if (url.namesFolder()) {
            url = url.withName(source.getFileName().toString());
        }
        JobProgress job;
        try (QueueRun run = new QueueRun(ctx, url, 1, false, false)) {
            job = run.run(TransferJob.upload(url.site(), source.toString(), url.name())).get(0);
            run.throwIfFailed(job);
        }
        String to = TerminalText.printable(url.withName(remoteName(job.target())).displayPath());
        if (job.state() == JobState.SKIPPED) {
            ctx.out().println("skipped " + TerminalText.printable(ops.get(0)) + ": " + job.message());
        } else {
            ctx.out().println("uploaded " + TerminalText.printable(ops.get(0)) + " to " + to + " ("
                    + Units.bytes(job.bytesDone(), Locale.ROOT) + " bytes)");
        }
        return ExitCode.OK;
    }

    /** The name the file got (another one with --on-conflict rename). */
    private static String remoteName(String target) {
        return RemotePath.of(target).name();
    }

    /** Checked before connecting, so a typo costs no connection. */
    private static Path source(CommandContext ctx, String local) throws CliException {
        Path path = ctx.local(local, "file");
        String shown = TerminalText.printable(local);
        if (Files.isDirectory(path)) {
            throw CliException.localFile(shown + " is a folder; put uploads one file", null);
        }
        if (!Files.isRegularFile(path)) {
            throw CliException.localFile("there is no file " + shown, null);
        }
        if (!Files.isReadable(path)) {
            throw CliException.localFile("cannot read " + shown + ": permission denied", null);
        }
        return path;
    }
}
