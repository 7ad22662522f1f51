package io.portside.ui;

import io.portside.ui.settings.AppSettings;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

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
