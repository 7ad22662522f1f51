package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portside.ui.settings.AppSettings;
import io.portside.ui.settings.SettingsStore;
import java.nio.file.Files;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** Window size, split positions, column widths and the last local folder survive a restart. */
class WindowStateTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        Files.createDirectories(localRoot.resolve("work"));
    }

    @Test
    void theWindowComesBackAsItWasLeft() {
        clickOn(row("#localTable", "work"));
        type(KeyCode.ENTER);
        waitUntil("inside work", () -> call(() -> lookup("#localPath").queryComboBox().getEditor().getText())
                .endsWith("work"));
        interact(() -> {
            lookup("#paneSplit").queryAs(SplitPane.class).setDividerPositions(0.3);
            lookup("#mainSplit").queryAs(SplitPane.class).setDividerPositions(0.7);
            table("#localTable").getColumns().get(0).setPrefWidth(321);
            stage.setWidth(1111);
        });
        interact(() -> window.close());

        AppSettings saved = new SettingsStore(tmp.resolve("config")).load();
        assertEquals(localRoot.resolve("work").toString(), saved.lastLocalFolder);
        assertEquals(0.3, saved.paneSplit, 0.02);
        assertEquals(0.7, saved.mainSplit, 0.02);
        assertEquals(1111, saved.windowWidth, 1);
        assertEquals(321, saved.columnWidths.get("localTable/name"), 1);

        // A second run opens where the first one stopped.
        interact(() -> {
            stage.close();
            stage = new Stage();
            try {
                window = new MainWindow(stage, new SettingsStore(tmp.resolve("config")), tmp.resolve("sandbox"), p -> { });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            stage.show();
        });
        waitUntil("local pane reopened in work", () -> call(() -> lookup("#localPath").queryComboBox().getEditor()
                .getText()).endsWith("work"));
        assertEquals(0.3, call(() -> lookup("#paneSplit").queryAs(SplitPane.class).getDividerPositions()[0]), 0.02);
        assertEquals(1111, call(() -> stage.getWidth()), 1);
        assertEquals(321, call(() -> table("#localTable").getColumns().get(0).getWidth()), 1);
    }
}
