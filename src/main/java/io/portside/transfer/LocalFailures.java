package io.portside.transfer;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Words for local file errors (full disk, no permission...), which retrying will not fix. */
final class LocalFailures {
    private LocalFailures() {
    }

    static String explain(IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        String r = String.valueOf(reason).toLowerCase(Locale.ROOT);
        if (e instanceof AccessDeniedException || r.contains("permission denied")) {
            return "permission denied: " + (file != null ? file : e.getMessage());
        }
        if (r.contains("no space left") || r.contains("disk full") || r.contains("quota")) {
            return "the disk is full" + (file != null ? " (writing " + file + ")" : "");
        }
        if (r.contains("is a directory")) {
            return (file != null ? file : "the target") + " is a folder";
        }
        if (e instanceof NotDirectoryException || r.contains("not a directory")) {
            return "a part of the path is a file, not a folder: " + (file != null ? file : e.getMessage());
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + file;
        }
        return "local file error: " + (file != null ? file + ": " : "") + (reason != null ? reason : e);
    }
}
