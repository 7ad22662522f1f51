package io.portside.cli;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.Listing;
import io.portside.ftp.RemoteFile;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@code ls URL}: the folder's entries, or the single line of the file the URL names. */
final class LsCommand implements Command {
    @Override
    public String name() {
        return "ls";
    }

    @Override
    public String operands() {
        return "URL";
    }

    @Override
    public String description() {
        return "Lists the folder at URL like ls -l (type, size, date, name); for a file, its one line.";
    }

    @Override
    public int run(CommandContext ctx) throws FtpException, CliException {
        FtpUrl url = ctx.url(ctx.operands(1, 1).get(0));
        try (FtpSession session = ctx.openAt(url)) {
            List<RemoteFile> entries = read(ctx, session, null);
            if (!url.namesFolder()) {
                // "ftp://h/x" may be a file or a folder: the parent's listing tells which.
                Optional<RemoteFile> named = entries.stream().filter(f -> f.name().equals(url.name())).findFirst();
                if (named.isEmpty()) {
                    throw new FtpException("there is no file or folder " + url.displayPath() + " on the server");
                }
                entries = named.get().isDirectory() ? read(ctx, session, url.name()) : List.of(named.get());
            }
            ListingFormat format = new ListingFormat(ctx.zone());
            entries.stream().sorted(Comparator.comparing(RemoteFile::name))
                    .forEach(f -> ctx.out().println(format.line(f)));
        }
        ctx.out().flush();
        return ExitCode.OK;
    }

    /** The listing's entries; lines no parser could read are counted on stderr, never dropped unsaid. */
    private static List<RemoteFile> read(CommandContext ctx, FtpSession session, String path) throws FtpException {
        Listing listing = session.listing(path);
        int n = listing.unreadable().size();
        if (n > 0) {
            ctx.err().println("portside: " + n + (n == 1 ? " line" : " lines") + " of the listing could not be read: "
                    + TerminalText.printable(listing.unreadableSample()));
        }
        return listing.files();
    }
}
