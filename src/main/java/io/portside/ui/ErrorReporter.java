package io.portside.ui;

import io.portside.ftp.FtpException;
import io.portside.ftp.UserMessage;
import io.portside.ui.dialog.ErrorDialog;
import io.portside.ui.fx.UiText;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * How the window reports a failure: a line in the status bar, which is still there after the
 * dialog is dismissed, and an error dialog over the window. FX thread only.
 */
final class ErrorReporter {
    private final Supplier<Window> window;
    private final UiText text;
    private final Consumer<String> status;

    ErrorReporter(Supplier<Window> window, UiText text, Consumer<String> status) {
        this.window = window;
        this.text = text;
        this.status = status;
    }

    /** @param what the sentence's subject, e.g. "Could not connect" */
    void show(String what, Throwable e) {
        status.accept(text.get("error.status", what, UserMessage.textOf(e, text.locale())));
        ErrorDialog.show(window.get(), text, what, e instanceof FtpException || e instanceof IOException ? e
                : new IOException(String.valueOf(e.getMessage()), e));
    }
}
