package io.portside.cli;

import java.nio.file.FileSystemException;

/**
 * Text the command line prints: names made safe for a terminal, and I/O errors in words.
 * (Whether a remote name may become a local file name is {@link io.portside.files.SafeLocalName}'s rule.)
 */
final class TerminalText {
    private TerminalText() {
    }

    /** A name safe to print: control characters (terminal escapes) become '?', as ls shows them. */
    static String printable(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }

    /** An I/O exception in words, without the class name. */
    static String describe(Exception e) {
        String type = e.getClass().getSimpleName();
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        return switch (type) {
            case "NoSuchFileException" -> "no such file or folder";
            case "AccessDeniedException" -> "permission denied";
            case "FileAlreadyExistsException" -> "it already exists";
            case "NotDirectoryException" -> "not a folder";
            default -> reason == null ? type : reason;
        };
    }
}
