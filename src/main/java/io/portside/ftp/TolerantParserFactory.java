package io.portside.ftp;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import org.apache.commons.net.ftp.FTPClientConfig;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPFileEntryParser;
import org.apache.commons.net.ftp.parser.DefaultFTPFileEntryParserFactory;
import org.apache.commons.net.ftp.parser.FTPFileEntryParserFactory;
import org.apache.commons.net.ftp.parser.MLSxEntryParser;
import org.apache.commons.net.ftp.parser.ParserInitializationException;
import org.apache.commons.net.ftp.parser.UnixFTPEntryParser;

/**
 * Commons Net's listing parsers, made safe against hostile listings: fuzzing showed that the
 * Windows (NT) and MLSD parsers throw {@code NumberFormatException} on a size above
 * {@code Long.MAX_VALUE}, and that an unknown SYST type (e.g. "L8") throws
 * {@link ParserInitializationException} — either would lose the whole folder listing for one
 * bad line. Here a line no parser can read is skipped, and an unknown system type falls back
 * to the Unix parser (what most servers send).
 *
 * <p>Install with {@code FTPClient.setParserFactory(new TolerantParserFactory())}; MLSD uses
 * {@link #mlsd()}.
 */
public final class TolerantParserFactory implements FTPFileEntryParserFactory {
    private final DefaultFTPFileEntryParserFactory standard = new DefaultFTPFileEntryParserFactory();

    @Override
    public FTPFileEntryParser createFileEntryParser(String key) {
        try {
            return new Tolerant(standard.createFileEntryParser(key));
        } catch (ParserInitializationException | IllegalArgumentException unknownSystem) {
            return new Tolerant(new UnixFTPEntryParser());
        }
    }

    @Override
    public FTPFileEntryParser createFileEntryParser(FTPClientConfig config) {
        try {
            return new Tolerant(standard.createFileEntryParser(config));
        } catch (ParserInitializationException | IllegalArgumentException unknownSystem) {
            return new Tolerant(new UnixFTPEntryParser());
        }
    }

    /** The MLSD/MLST fact parser, with the same per-line safety. */
    public static FTPFileEntryParser mlsd() {
        return new Tolerant(MLSxEntryParser.getInstance());
    }

    /** Delegates, turning a parser's crash on one line into "this line is not an entry". */
    private static final class Tolerant implements FTPFileEntryParser {
        private final FTPFileEntryParser parser;

        Tolerant(FTPFileEntryParser parser) {
            this.parser = parser;
        }

        @Override
        public FTPFile parseFTPEntry(String listEntry) {
            try {
                return parser.parseFTPEntry(listEntry);
            } catch (RuntimeException badLine) {
                return null;
            }
        }

        @Override
        public String readNextEntry(BufferedReader reader) throws IOException {
            return parser.readNextEntry(reader);
        }

        @Override
        public List<String> preParse(List<String> original) {
            try {
                return parser.preParse(original);
            } catch (RuntimeException badHeader) {
                return original;
            }
        }
    }
}
