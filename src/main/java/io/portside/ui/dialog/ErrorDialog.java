package io.portside.ui.dialog;

import io.portside.ftp.FtpReplyException;
import io.portside.ui.fx.UiText;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** An error in words: the sentence from the connection layer, and the server's last reply if any. */
public final class ErrorDialog {
    private ErrorDialog() {
    }

    /** Shows without blocking the caller; returns the dialog (tests look it up by its id). */
    public static Alert show(Window owner, UiText text, String what, Throwable error) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner);
        a.setTitle(text.get("error.title"));
        a.setHeaderText(what);
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        a.setContentText(capitalise(message) + ".");
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

    static String capitalise(String s) {
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
