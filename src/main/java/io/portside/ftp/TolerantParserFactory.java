package io.portside.ftp;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.net.ftp.FTPClientConfig;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPFileEntryParser;
import org.apache.commons.net.ftp.parser.DefaultFTPFileEntryParserFactory;
import org.apache.commons.net.ftp.parser.FTPFileEntryParserFactory;
import org.apache.commons.net.ftp.parser.MLSxEntryParser;
import org.apache.commons.net.ftp.parser.MacOsPeterFTPEntryParser;
import org.apache.commons.net.ftp.parser.NTFTPEntryParser;
import org.apache.commons.net.ftp.parser.NetwareFTPEntryParser;
import org.apache.commons.net.ftp.parser.OS2FTPEntryParser;
import org.apache.commons.net.ftp.parser.OS400FTPEntryParser;
import org.apache.commons.net.ftp.parser.ParserInitializationException;
import org.apache.commons.net.ftp.parser.UnixFTPEntryParser;
import org.apache.commons.net.ftp.parser.VMSFTPEntryParser;

/**
 * Commons Net's listing parsers, chosen by what a listing contains and safe against hostile
 * listings.
 *
 * <p>By content: the SYST reply names the parser to try first, but a server answering
 * {@code 215 UNIX Type: L8} may list IIS/DOS lines ({@code 11-24-26  09:15AM  <DIR>  Reports}),
 * so a line the SYST parser cannot read is tried with Commons Net's other parsers, as
 * FileZilla does per line; the parser that read the last line is tried first next time. An
 * unknown system type ("L8") starts with the Unix parser.
 *
 * <p>Nothing is dropped silently: a line no parser reads comes back as an entry without a
 * name holding the raw line, which {@link RemoteFiles} counts as
 * unreadable. Fuzzing showed the Windows (NT) and MLSD parsers throw
 * {@code NumberFormatException} on a size above {@code Long.MAX_VALUE}: such a crash counts
 * as "this parser cannot read the line", never loses the listing.
 *
 * <p>Install with {@code FTPClient.setParserFactory(new TolerantParserFactory())}; MLSD uses
 * {@link #mlsd()} (facts only, no other formats tried).
 */
public final class TolerantParserFactory implements FTPFileEntryParserFactory {
    private final DefaultFTPFileEntryParserFactory standard = new DefaultFTPFileEntryParserFactory();

    @Override
    public FTPFileEntryParser createFileEntryParser(String key) {
        FTPFileEntryParser first;
        try {
            first = standard.createFileEntryParser(key);
        } catch (ParserInitializationException | IllegalArgumentException unknownSystem) {
            first = new UnixFTPEntryParser();
        }
        return new ByContent(first, true);
    }

    @Override
    public FTPFileEntryParser createFileEntryParser(FTPClientConfig config) {
        FTPFileEntryParser first;
        try {
            first = standard.createFileEntryParser(config);
        } catch (ParserInitializationException | IllegalArgumentException unknownSystem) {
            first = new UnixFTPEntryParser();
        }
        return new ByContent(first, true);
    }

    /** The MLSD/MLST fact parser, with the same per-line safety and unreadable-line marking. */
    public static FTPFileEntryParser mlsd() {
        return new ByContent(MLSxEntryParser.getInstance(), false);
    }

    /** Every LIST format Commons Net reads line by line, the most common first. */
    private static List<FTPFileEntryParser> others() {
        return List.of(new UnixFTPEntryParser(), new NTFTPEntryParser(), new NetwareFTPEntryParser(),
                new OS2FTPEntryParser(), new OS400FTPEntryParser(), new VMSFTPEntryParser(),
                new MacOsPeterFTPEntryParser(), MLSxEntryParser.getInstance());
    }

    /** The SYST parser first, then the others; used by one session's thread at a time. */
    private static final class ByContent implements FTPFileEntryParser {
        private final FTPFileEntryParser first;
        private final List<FTPFileEntryParser> candidates = new ArrayList<>();
        private FTPFileEntryParser lastGood;

        ByContent(FTPFileEntryParser first, boolean tryOthers) {
            this.first = first;
            candidates.add(first);
            if (tryOthers) {
                candidates.addAll(others());
            }
            lastGood = first;
        }

        @Override
        public FTPFile parseFTPEntry(String line) {
            if (line == null || line.isBlank()) {
                return null; // an empty line is no entry, and no loss
            }
            FTPFile f = tryParse(lastGood, line);
            for (int i = 0; f == null && i < candidates.size(); i++) {
                FTPFileEntryParser p = candidates.get(i);
                if (p != lastGood) {
                    f = tryParse(p, line);
                    if (f != null) {
                        lastGood = p;
                    }
                }
            }
            return f != null ? f : unreadable(line);
        }

        /** An entry without a name that keeps the line: how "no parser read this" reaches {@link RemoteFiles}. */
        private static FTPFile unreadable(String line) {
            FTPFile f = new FTPFile();
            f.setRawListing(line);
            return f;
        }

        /**
         * The parser's entry, or null. A parser other than the SYST one must also have read a
         * date: the Windows parser alone would take "*** junk 1 ***" for a file "***" of 1 byte,
         * its date left unread. (MLSx facts are proof enough by their syntax.)
         */
        private FTPFile tryParse(FTPFileEntryParser p, String line) {
            try {
                FTPFile f = p.parseFTPEntry(line);
                if (f == null || f.getName() == null) {
                    return null;
                }
                boolean trusted = p == first || p instanceof MLSxEntryParser || f.getTimestamp() != null;
                return trusted ? f : null;
            } catch (RuntimeException crash) {
                return null;
            }
        }

        @Override
        public String readNextEntry(BufferedReader reader) throws IOException {
            return first.readNextEntry(reader);
        }

        @Override
        public List<String> preParse(List<String> original) {
            try {
                return first.preParse(original);
            } catch (RuntimeException badHeader) {
                return original;
            }
        }
    }
}
