package io.portside.transfer;

import io.portside.ftp.TransferType;
import java.util.Locale;
import java.util.Set;

/**
 * Which files go as text (ASCII, TYPE A) and which as bytes (binary, TYPE I). BINARY is the
 * default: every byte arrives as it left. AUTO sends files with a text extension as ASCII, so a
 * script or a page written on Windows gets the server's line ends, as FileZilla's "Auto" does.
 */
public enum TypeChoice {
    BINARY, ASCII, AUTO;

    /** FileZilla's default list of text extensions, less the rare ones. */
    private static final Set<String> TEXT = Set.of("asp", "bat", "c", "cfg", "cgi", "conf", "cpp", "css", "csv",
            "h", "hpp", "htaccess", "htm", "html", "ini", "java", "js", "json", "jsp", "log", "md", "php", "pl",
            "py", "sh", "shtml", "sql", "svg", "tcl", "txt", "xhtml", "xml", "yaml", "yml");

    public TransferType typeFor(String fileName) {
        return switch (this) {
            case BINARY -> TransferType.BINARY;
            case ASCII -> TransferType.ASCII;
            case AUTO -> TEXT.contains(extension(fileName)) ? TransferType.ASCII : TransferType.BINARY;
        };
    }

    private static String extension(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
