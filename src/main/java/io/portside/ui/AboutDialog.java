package io.portside.ui;

import io.portside.AppInfo;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help &gt; About: name, version, Java and JavaFX versions, licence, icon. */
public final class AboutDialog {
    public static final String LICENCE_LINE =
            "Licensed under the Apache License, Version 2.0 (the licence text is installed with the app).";

    private AboutDialog() {
    }

    /** Builds the dialog without showing it. {@code owner} may be null. */
    public static Alert create(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text(), ButtonType.OK);
        alert.setTitle("About " + AppInfo.name());
        alert.setHeaderText(AppInfo.nameAndVersion());
        Image icon = AppIcon.image();
        if (icon != null) {
            ImageView view = new ImageView(icon);
            view.setFitWidth(64);
            view.setFitHeight(64);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            alert.setGraphic(view);
            if (alert.getDialogPane().getScene().getWindow() instanceof Stage stage) {
                stage.getIcons().add(icon);
            }
        }
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.getDialogPane().setId("about-dialog");
        return alert;
    }

    /** Shows the About dialog over {@code owner} (may be null) and returns it. */
    public static Alert show(Window owner) {
        Alert alert = create(owner);
        alert.show();
        return alert;
    }

    /** The dialog's body text. */
    public static String text() {
        return "A desktop FTP client that explains, live and in plain words, what FTP does on the wire.\n\n"
                + "Version " + AppInfo.version() + "\n"
                + "Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version", "unknown") + "\n\n"
                + LICENCE_LINE;
    }
}
