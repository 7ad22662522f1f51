package io.portside.ui;

import java.io.InputStream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The Portside icon (resources/icons/portside.png, drawn from installer/icon/portside.svg). */
public final class AppIcon {
    public static final String RESOURCE = "/icons/portside.png";

    private AppIcon() {
    }

    /** The 256 px icon, or null when the resource is missing. */
    public static Image image() {
        InputStream in = AppIcon.class.getResourceAsStream(RESOURCE);
        return in == null ? null : new Image(in);
    }

    /** Sets the icon on a stage (title bar, task bar); does nothing when the resource is missing. */
    public static void apply(Stage stage) {
        Image icon = image();
        if (icon != null) {
            stage.getIcons().add(icon);
        }
    }
}
