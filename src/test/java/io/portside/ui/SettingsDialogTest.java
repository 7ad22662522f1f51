package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.transfer.ConflictPolicy;
import io.portside.transfer.QueueSettings;
import io.portside.transfer.TypeChoice;
import java.nio.file.Files;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Edit › Settings… (Ctrl+,): typed values take effect at once, wrong ones are refused in words, and all are kept. */
class SettingsDialogTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        Files.writeString(localRoot.resolve(".hidden-notes"), "x");
        Files.writeString(localRoot.resolve("visible.txt"), "x");
    }

    @Test
    void settingsTakeEffectAndSurviveARestart() throws Exception {
        assertTrue(listed("#localTable", ".hidden-notes"));
        push(KeyCode.CONTROL, KeyCode.COMMA);
        waitUntil("settings dialog", () -> !lookup("#settingsDialog").queryAll().isEmpty());

        replace("#settingsParallel", "12");
        assertEquals("Parallel transfers (1–10) must be a whole number from 1 to 10, not \"12\".",
                call(() -> ((Label) lookup("#settingsProblems").query()).getText()));
        assertTrue(lookup("#settingsOk").query().isDisabled());

        replace("#settingsParallel", "3");
        replace("#settingsDownloadLimit", "200");
        replace("#settingsUploadLimit", "100");
        replace("#settingsActivePorts", "50000-50010");
        clickOn("#settingsPreserveTimes");
        clickOn("#settingsShowHidden");
        interact(() -> comboBox("#settingsConflict").getSelectionModel().select(ConflictPolicy.RENAME));
        interact(() -> comboBox("#settingsTransferType").getSelectionModel().select(TypeChoice.AUTO));
        assertFalse(lookup("#settingsOk").query().isDisabled());
        // Enter on the tick box last clicked means OK, as in any dialog: it must not untick it again
        type(KeyCode.ENTER);
        waitUntil("dialog closed", () -> lookup("#settingsDialog").queryAll().isEmpty());

        assertApplied();
        waitUntil("the hidden file is no longer listed", () -> !listed("#localTable", ".hidden-notes"));
        assertTrue(listed("#localTable", "visible.txt"));
        String file = Files.readString(configDir().resolve("settings.json"));
        assertTrue(file.contains("\"parallelTransfers\" : 3") || file.contains("\"parallelTransfers\":3"), file);

        restartWindow();
        assertApplied();
        assertFalse(listed("#localTable", ".hidden-notes"));
        assertEquals(50000, call(() -> window.connectionOptions().activePorts().min()));
    }

    private void assertApplied() {
        QueueSettings q = call(() -> window.transferQueue().settings());
        assertEquals(3, q.parallelism());
        assertEquals(200 * 1024, q.downloadLimit());
        assertEquals(100 * 1024, q.uploadLimit());
        assertTrue(q.preserveTimes());
        assertEquals(ConflictPolicy.RENAME, q.conflict());
        assertEquals(TypeChoice.AUTO, q.transferType());
    }

    private void replace(String id, String value) {
        interact(() -> ((TextField) lookup(id).query()).setText(""));
        clickOn(id).write(value);
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> comboBox(String id) {
        return (ComboBox<T>) lookup(id).query();
    }
}
