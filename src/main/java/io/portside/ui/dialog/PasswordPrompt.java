package io.portside.ui.dialog;

import io.portside.ui.fx.UiText;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.stage.Window;

/** Asks for the password of a site whose password is not stored. */
public final class PasswordPrompt {
    private PasswordPrompt() {
    }

    public static Optional<char[]> ask(Window owner, UiText text, String siteName, String user) {
        Dialog<char[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(text.get("askPassword.title"));
        d.setHeaderText(text.get("askPassword.header", user, siteName));
        d.getDialogPane().setId("askPasswordDialog");
        PasswordField field = new PasswordField();
        field.setId("askPassword");
        d.getDialogPane().setContent(field);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        d.setOnShown(e -> field.requestFocus());
        return d.showAndWait();
    }
}
