package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.AppInfo;
import java.io.File;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Alert;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Runs on the headless Monocle platform that the Surefire configuration selects, under TestFX. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    @Test
    void showsNameVersionJavaJavaFxLicenceAndIcon() throws Exception {
        String[] parts = onFx(() -> {
            Alert about = AboutDialog.show(owner);
            try {
                WritableImage shot = about.getDialogPane().snapshot(null, null);
                File out = new File("target/about-dialog.png");
                ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out);
                return new String[] {
                    about.getTitle(), about.getHeaderText(), about.getContentText(),
                    String.valueOf(about.getGraphic() != null), String.valueOf(about.isShowing())
                };
            } finally {
                about.close();
            }
        });
        assertEquals("About Portside", parts[0]);
        assertEquals("Portside " + AppInfo.version(), parts[1]);
        assertTrue(parts[2].contains("Version " + AppInfo.version()), parts[2]);
        assertTrue(parts[2].contains("Java " + System.getProperty("java.version")), parts[2]);
        assertTrue(parts[2].matches("(?s).*JavaFX 21\\..*"), parts[2]);
        assertTrue(parts[2].contains(AboutDialog.LICENCE_LINE), parts[2]);
        assertEquals("true", parts[3], "icon graphic");
        assertEquals("true", parts[4], "dialog was shown");
    }

    @Test
    void appIconResourceIsThere() {
        assertNotNull(AppIcon.class.getResource(AppIcon.RESOURCE));
    }
}
