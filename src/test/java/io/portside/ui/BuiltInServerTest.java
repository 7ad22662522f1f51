package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.files.FileEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * File › Start built-in test server: a newcomer's first try. The server starts on 127.0.0.1 with
 * sample files and a one-time password, the bar is filled in, the window connects and lists it,
 * and a sample file downloads.
 */
class BuiltInServerTest extends WindowFixture {

    @Test
    void theMenuStartsAServerFillsTheBarAndConnects() throws Exception {
        clickOn("File");
        clickOn("Start built-in test server");
        waitUntil("connected and listed", 30, () -> rowCount("#remoteTable") > 0
                && call(() -> lookup("#statusState").queryLabeled().getText()).equals("Connected"));

        assertEquals("127.0.0.1", call(() -> lookup("#host").queryTextInputControl().getText()));
        String port = call(() -> lookup("#port").queryTextInputControl().getText());
        assertFalse(port.equals(String.valueOf(server.port())), "its own server, not the test fixture's");
        assertFalse(call(() -> lookup("#password").queryTextInputControl().getText()).isEmpty(), "a one-time password");
        String said = call(() -> lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class).getText());
        assertTrue(said.contains("127.0.0.1:" + port), "the status line says where the server runs: " + said);

        Path sandbox = tmp.resolve("sandbox");
        FileEntry sample = call(() -> this.<FileEntry>table("#remoteTable").getItems().stream()
                .filter(e -> !e.directory()).findFirst().orElseThrow());
        Path served = Files.walk(sandbox).filter(p -> p.getFileName().toString().equals(sample.name()))
                .findFirst().orElseThrow();
        clickOn(row("#remoteTable", sample.name()));
        type(KeyCode.ENTER);
        Path local = localRoot.resolve(sample.name());
        waitUntil("sample downloaded", () -> local.toFile().length() == sample.size());
        assertArrayEquals(Files.readAllBytes(served), Files.readAllBytes(local));

        // its port is new each run: it must not pile up among the recent connections
        restartWindow();
        String settings = Files.readString(configDir().resolve("settings.json"));
        assertFalse(settings.contains(":" + port), settings);
    }
}
