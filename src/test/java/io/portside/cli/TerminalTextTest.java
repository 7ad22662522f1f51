package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void printableHidesTerminalEscapes() {
        assertEquals("?[2Jx", TerminalText.printable("\u001b[2Jx"));
        assertEquals("a?b", TerminalText.printable("a\nb"));
    }

    @Test
    void ioErrorsAreWords() {
        assertEquals("no such file or folder", TerminalText.describe(new NoSuchFileException("/x")));
        assertEquals("permission denied", TerminalText.describe(new AccessDeniedException("/x")));
    }
}
