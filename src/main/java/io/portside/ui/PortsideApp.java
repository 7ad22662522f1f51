package io.portside.ui;

import io.portside.ui.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: decides where settings live (the {@code portside.config} system
 * property, else ~/.config/portside) and opens the main window.
 */
public class PortsideApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) throws IOException {
        Path config = configDir();
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

    static Path configDir() {
        String override = System.getProperty("portside.config");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("portside");
    }
}
