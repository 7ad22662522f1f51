package io.portside.ui.dialog;

import io.portside.ftp.FtpReplyException;
import io.portside.ftp.UserMessage;
import io.portside.ui.fx.UiText;
import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** An error in words: the sentence from the connection layer in the window's language, and the server's last reply if any. */
public final class ErrorDialog {
    private ErrorDialog() {
    }

    /** Shows without blocking the caller; returns the dialog (tests look it up by its id). */
    public static Alert show(Window owner, UiText text, String what, Throwable error) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setTitle(text.get("error.title"));
        a.setHeaderText(what);
        a.setContentText(sentence(UserMessage.textOf(error, text.locale()), text.locale()));
        a.getDialogPane().setId("errorDialog");
        if (error instanceof FtpReplyException r && !r.reply().isEmpty()) {
            TextArea reply = new TextArea(text.get("error.lastReply", r.code()) + "\n" + String.join("\n", r.reply()));
            reply.setEditable(false);
            reply.setWrapText(true);
            reply.setPrefRowCount(4);
            reply.getStyleClass().add("mono");
            a.getDialogPane().setExpandableContent(reply);
            a.getDialogPane().setExpanded(true);
        }
        a.show();
        return a;
    }

    /** Capitalised, with the language's full stop ("。" in Chinese). */
    static String sentence(String s, Locale locale) {
        String t = capitalise(s.endsWith("。") ? s.substring(0, s.length() - 1) : s);
        return t + (locale.getLanguage().equals("zh") ? "。" : ".");
    }

    static String capitalise(String s) {
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
