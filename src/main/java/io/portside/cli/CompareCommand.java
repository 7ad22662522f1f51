package io.portside.cli;

import io.portside.compare.EntryComparison;
import io.portside.ftp.FtpException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code compare URL LOCALDIR [--recursive]}: one line per entry that is not the same on both
 * sides, with its state; exit 0 when the folders are the same, 1 when not (as diff does).
 */
final class CompareCommand implements Command {
    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String operands() {
        return "URL LOCALDIR [--recursive]";
    }

    @Override
    public String description() {
        return """
                Compares the folder at URL with LOCALDIR (with --recursive, their sub-folders too) and
                prints one line per entry that is not the same: only local, only remote, different size,
                local newer, remote newer, or type clash (a file on one side, a folder on the other).
                Times are compared as exactly as the server lists them (MDTM when that is not enough),
                after --time-offset, within --time-tolerance. --include, --exclude and --skip-hidden
                choose the entries. Exit code 0: the same; 1: different (or a failure, said on stderr).""";
    }

    @Override
    public int run(CommandContext ctx) throws FtpException, CliException {
        var ops = ctx.operands(2, 2);
        FtpUrl url = ctx.url(ops.get(0));
        Path local = ctx.local(ops.get(1), "folder");
        if (!Files.isDirectory(local)) {
            throw CliException.localFile(TerminalText.printable(ops.get(1)) + " is not a folder", null);
        }
        try (TreeComparison tc = TreeComparison.open(ctx, url, local, false, ctx.options().sync().recursive())) {
            if (!tc.remoteExists()) {
                throw new FtpException("there is no folder " + TerminalText.printable(url.displayPath())
                        + " on the server");
            }
            for (EntryComparison e : tc.result().differences()) {
                ctx.out().printf(Locale.ROOT, "%-14s %s%s%n", e.state().words(), TerminalText.printable(e.path()),
                        e.folder() ? "/" : "");
            }
            return tc.result().identical() ? ExitCode.OK : ExitCode.DIFFERENT;
        }
    }
}
