package io.portside.ui.pane;

import io.portside.ftp.UserMessage;
import io.portside.ui.fx.UiText;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a folder could not be opened, in words for the pane's status line: the local disk's
 * exceptions name only the path, so the kind of refusal is said here; the connection layer's
 * failures already say what the server answered (in the window's language: {@link UserMessage}).
 */
public final class RefusedFolder {
    private RefusedFolder() {
    }

    /** The bundle key and argument, resolved by the pane (the view-model holds no texts). */
    public record Refusal(String path, String key, Throwable cause) {
        public String render(UiText text) {
            return text.get(key, path == null ? "" : path, UserMessage.textOf(cause, text.locale()));
        }
    }

    static Refusal describe(String path, Throwable e) {
        if (e instanceof NoSuchFileException) {
            return new Refusal(path, "pane.refused.missing", e);
        }
        if (e instanceof AccessDeniedException) {
            return new Refusal(path, "pane.refused.denied", e);
        }
        if (e instanceof NotDirectoryException) {
            return new Refusal(path, "pane.refused.notFolder", e);
        }
        return new Refusal(path, "pane.refused.other", e);
    }
}
