package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the local pane opens. Found running the window as a service account (user nobody,
 * whose home is /nonexistent): the pane opened on an error dialog that said only "/nonexistent.".
 */
class StartFolderTest {
    @TempDir Path tmp;

    @Test
    void theRememberedFolderThenTheHomeThenAFolderThatExists() throws Exception {
        Path remembered = Files.createDirectories(tmp.resolve("last"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        assertEquals(remembered, FilePanes.startFolder(remembered.toString(), home));
        assertEquals(home, FilePanes.startFolder(tmp.resolve("gone").toString(), home), "a remembered folder since deleted");
        assertEquals(home, FilePanes.startFolder(null, home));
        Path opened = FilePanes.startFolder(null, Path.of("/nonexistent"));
        assertTrue(Files.isDirectory(opened), "a home that does not exist: " + opened);
        assertEquals(Path.of("").toAbsolutePath(), opened, "the working folder");
    }
}
