package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;

/** The log's kind toggles say whether they are on, and switching one off hides exactly its lines. */
class LogTogglesTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        java.nio.file.Files.writeString(serverRoot.resolve("a.txt"), "a");
    }

    @Test
    void aToggleShowsItsStateAndFiltersItsKind() {
        connectAndWaitForListing();
        clickOn("Protocol log");
        waitUntil("commands in the log", () -> logText().contains("->   USER"));
        assertEquals("✓", mark("#logGroupCOMMANDS"));
        clickOn("#logGroupCOMMANDS");
        assertEquals("○", mark("#logGroupCOMMANDS"));
        waitUntil("commands hidden", () -> !logText().contains("->   USER"));
        assertTrue(logText().contains("<-   230"), "replies stay: " + logText());
        clickOn("#logGroupCOMMANDS");
        assertEquals("✓", mark("#logGroupCOMMANDS"));
        waitUntil("commands back", () -> logText().contains("->   USER"));
        assertFalse(call(() -> ((ToggleButton) lookup("#logGroupCOMMANDS").query()).getStyleClass().isEmpty()));
    }

    private String mark(String id) {
        return call(() -> ((Label) ((ToggleButton) lookup(id).query()).getGraphic()).getText());
    }
}
