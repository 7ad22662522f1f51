package io.portside.ui;

import io.portside.ui.settings.AppSettings;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** Puts the remembered window size, splits and column widths back, and reads them for saving. */
final class WindowState {
    private WindowState() {
    }

    static void apply(AppSettings s, Stage stage, SplitPane main, SplitPane panes, TableView<?>... tables) {
        stage.setWidth(s.windowWidth);
        stage.setHeight(s.windowHeight);
        if (!Double.isNaN(s.windowX) && !Double.isNaN(s.windowY)) {
            stage.setX(s.windowX);
            stage.setY(s.windowY);
        }
        stage.setMaximized(s.maximized);
        keepSizeOnceShown(stage, s.windowWidth, s.windowHeight);
        main.setDividerPositions(s.mainSplit);
        panes.setDividerPositions(s.paneSplit);
        for (TableView<?> t : tables) {
            for (TableColumn<?, ?> c : t.getColumns()) {
                Double w = s.columnWidths.get(t.getId() + "/" + c.getId());
                if (w != null && w > 10) {
                    c.setPrefWidth(w);
                }
            }
        }
    }

    /**
     * JavaFX 21 on Linux (GTK) takes the window manager's first answer as the window's size: under
     * some managers (openbox, newer GNOME) that is about 200 by 200, and the window opens tiny
     * whatever was asked (JDK-8316423, fixed in JavaFX 22). So once shown, ask for the size again.
     */
    private static void keepSizeOnceShown(Stage stage, double width, double height) {
        EventHandler<WindowEvent> once = new EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                Platform.runLater(() -> {
                    if (!stage.isMaximized() && (stage.getWidth() < width - 1 || stage.getHeight() < height - 1)) {
                        stage.setWidth(width);
                        stage.setHeight(height);
                    }
                });
            }
        };
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, once);
    }

    static void read(AppSettings s, Stage stage, SplitPane main, SplitPane panes, TableView<?>... tables) {
        s.maximized = stage.isMaximized();
        if (!stage.isMaximized()) {
            s.windowX = stage.getX();
            s.windowY = stage.getY();
            s.windowWidth = stage.getWidth();
            s.windowHeight = stage.getHeight();
        }
        s.mainSplit = main.getDividerPositions()[0];
        s.paneSplit = panes.getDividerPositions()[0];
        for (TableView<?> t : tables) {
            for (TableColumn<?, ?> c : t.getColumns()) {
                s.columnWidths.put(t.getId() + "/" + c.getId(), c.getWidth());
            }
        }
    }
}
