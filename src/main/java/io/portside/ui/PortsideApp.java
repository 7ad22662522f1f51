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
        SettingsStore settings = new SettingsStore(config);
        String language = settings.load().language;
        if (language != null && !language.isBlank()) {
            // JavaFX words its own buttons (OK, Cancel, Close) in the default locale: the chosen language's.
            // Here, at the app's one entry, not in MainWindow: the tests open many windows in one JVM.
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag(language.replace('_', '-')));
        }
        AppIcon.apply(stage);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> StartupTiming.windowShown());
        window = new MainWindow(stage, settings, config.resolve("sandbox"),
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
