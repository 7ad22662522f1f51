package io.portside.cli;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** Local-file helpers: safe names for remote files, and I/O errors in words. */
final class LocalFiles {
    private LocalFiles() {
    }

    /**
     * Where a remote file lands inside {@code folder}, under its remote name made safe: a
     * server (or URL) may name a file {@code ../../.bashrc}, {@code a\b} or one with terminal
     * escapes, and none of that may leave the folder or reach the terminal.
     */
    static Path inside(Path folder, String remoteName) throws CliException {
        StringBuilder safe = new StringBuilder();
        remoteName.codePoints().forEach(c -> {
            boolean separator = c == '/' || c == '\\';
            // Also the characters Windows forbids in names, so the file can be copied there later.
            boolean forbidden = Character.isISOControl(c) || "<>:\"|?*".indexOf(c) >= 0;
            safe.appendCodePoint(separator || forbidden ? '_' : c);
        });
        String name = safe.toString().strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            throw CliException.usage("the remote name '" + printable(remoteName)
                    + "' cannot be used as a local file name; give LOCALFILE with a name");
        }
        Path target = folder.resolve(name).normalize();
        if (!folder.normalize().equals(target.getParent())) {
            throw CliException.usage("the remote name '" + printable(remoteName) + "' would leave " + folder);
        }
        return target;
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
