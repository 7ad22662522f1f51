package io.portside.ftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import org.apache.commons.net.ftp.FTPFileEntryParser;
import org.apache.commons.net.ftp.FTPListParseEngine;

/**
 * Parses raw listing text without a server, through Commons Net's parsers (LIST parsers chosen
 * by the SYST type, the MLSD fact parser; made tolerant by {@link TolerantParserFactory}), its
 * list parse engine and the {@link RemoteFiles} conversion a session uses. For tests and
 * fuzzing of what hostile servers can send, and for tools that read saved listings.
 */
public final class ListingParser {
    private ListingParser() {
    }

    /**
     * Parses LIST output as a server of {@code systemType} (the SYST reply's first word, e.g.
     * "UNIX", "Windows_NT") would send it: that type's parser first, then the others per line
     * (see {@link TolerantParserFactory}); an unknown system type starts with Unix.
     */
    public static Listing readList(String systemType, byte[] listing, Charset charset) {
        FTPFileEntryParser parser = new TolerantParserFactory().createFileEntryParser(systemType);
        return parse(parser, listing, charset);
    }

    /** The entries of {@link #readList}; what no parser read is in {@code readList(...).unreadable()}. */
    public static List<RemoteFile> parseList(String systemType, byte[] listing, Charset charset) {
        return readList(systemType, listing, charset).files();
    }

    /** Parses MLSD output (RFC 3659 fact lines, e.g. {@code type=file;size=12; a.txt}). */
    public static List<RemoteFile> parseMlsd(byte[] listing, Charset charset) {
        return parse(TolerantParserFactory.mlsd(), listing, charset).files();
    }

    private static Listing parse(FTPFileEntryParser parser, byte[] listing, Charset charset) {
        FTPListParseEngine engine = new FTPListParseEngine(parser);
        try {
            engine.readServerList(new ByteArrayInputStream(listing), charset.name());
            return RemoteFiles.convert(engine.getFiles());
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }
}
