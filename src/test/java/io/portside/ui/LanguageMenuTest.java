package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/**
 * View › Language is kept on disk the moment it is chosen, so a session that ends without a
 * normal close (killed, crashed, logged out) still starts in the chosen language next time.
 */
class LanguageMenuTest extends WindowFixture {
    @Test
    void theChosenLanguageIsSavedAtOnceAndUsedAtTheNextStart() throws Exception {
        clickOn("View");
        clickOn("Language");
        clickOn((Node) call(() -> lookup(".context-menu .label")
                .match(n -> n instanceof Label l && l.getText().startsWith("简体中文")).query()));
        waitUntil("the status line says when it applies", () -> call(() -> lookup("#statusBar")
                .queryAs(org.controlsfx.control.StatusBar.class).getText()).contains("next time"));
        String saved = Files.readString(configDir().resolve("settings.json"));
        assertTrue(saved.contains("\"language\" : \"zh_CN\""), saved);

        restartWindow();
        assertEquals("文件", call(() -> lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().get(0).getText()));
    }
}
