package io.portside.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileEntryTest {

    private static String extensionOf(String name) {
        return new FileEntry(name, "/" + name, false, 1, null).extension();
    }

    @Test
    void theExtensionIsWhatFollowsTheLastDotAsWritten() {
        assertEquals("txt", extensionOf("notes.txt"));
        assertEquals("gz", extensionOf("backup.tar.gz"));
        assertEquals("JPG", extensionOf("IMG_1.JPG"));
    }

    @Test
    void hiddenFilesAndTrailingDotsHaveNone() {
        assertEquals("", extensionOf("README"));
        assertEquals("", extensionOf(".profile"));
        assertEquals("", extensionOf("notes."));
    }
}
