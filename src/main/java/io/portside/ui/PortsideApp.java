package io.portside.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window. */
public class PortsideApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Portside");
        AppIcon.apply(stage);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> StartupTiming.windowShown());
        stage.setScene(new Scene(new BorderPane(), 1100, 720));
        stage.show();
    }
}
