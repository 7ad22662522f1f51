package io.portside.cli;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.event.Units;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code put LOCALFILE URL}: uploads byte for byte; a URL ending in / keeps the local name. */
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
        Path source = source(ops.get(0));
        FtpUrl url = ctx.url(ops.get(1));
        if (url.namesFolder()) {
            url = url.withName(source.getFileName().toString());
        }
        long bytes;
        try (FtpSession session = ctx.openAt(url)) {
            bytes = DirectTransfer.upload(session, source, url.name());
        }
        ctx.out().println("uploaded " + source + " to " + LocalFiles.printable(url.displayPath())
                + " (" + Units.bytes(bytes, Locale.ROOT) + " bytes)");
        return ExitCode.OK;
    }

    /** Checked before connecting, so a typo costs no connection. */
    private static Path source(String local) throws CliException {
        try {
            Path path = Path.of(local);
            if (Files.isDirectory(path)) {
                throw CliException.localFile(local + " is a folder; put uploads one file", null);
            }
            if (!Files.isRegularFile(path)) {
                throw CliException.localFile("there is no file " + local, null);
            }
            if (!Files.isReadable(path)) {
                throw CliException.localFile("cannot read " + local + ": permission denied", null);
            }
            return path;
        } catch (InvalidPathException e) {
            throw CliException.usage("'" + local + "' is not a valid local file name: " + e.getReason());
        }
    }
}
