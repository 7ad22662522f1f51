package io.portside.transfer;

import io.portside.ftp.UserMessage;
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

    static UserMessage explain(IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        String r = String.valueOf(reason).toLowerCase(Locale.ROOT);
        if (e instanceof AccessDeniedException || r.contains("permission denied")) {
            return UserMessage.of("local.denied", file != null ? file : e.getMessage());
        }
        if (r.contains("no space left") || r.contains("disk full") || r.contains("quota")) {
            return file != null ? UserMessage.of("local.diskFullWriting", file) : UserMessage.of("local.diskFull");
        }
        if (r.contains("is a directory")) {
            return file != null ? UserMessage.of("local.isFolder", file) : UserMessage.of("local.targetIsFolder");
        }
        if (e instanceof NotDirectoryException || r.contains("not a directory")) {
            return UserMessage.of("local.notFolder", file != null ? file : e.getMessage());
        }
        if (e instanceof NoSuchFileException) {
            return UserMessage.of("local.missing", file);
        }
        return file != null ? UserMessage.of("local.otherFile", file, reason != null ? reason : e)
                : UserMessage.of("local.other", reason != null ? reason : e);
    }
}
