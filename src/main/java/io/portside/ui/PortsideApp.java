package io.portside.ui;

import io.portside.sites.ConfigFolder;
import io.portside.ui.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: opens the main window on the settings in {@link ConfigFolder#standard()}
 * (the {@code portside.config} system property, else ~/.config/portside).
 */
public class PortsideApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) throws IOException {
        Path config = ConfigFolder.standard();
        AppIcon.apply(stage);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> StartupTiming.windowShown());
        window = new MainWindow(stage, new SettingsStore(config), config.resolve("sandbox"),
                folder -> getHostServices().showDocument(folder.toUri().toString()));
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
