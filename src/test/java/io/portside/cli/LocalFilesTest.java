package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilesTest {
    @TempDir Path folder;

    @Test
    void ordinaryNamesAreKept() throws Exception {
        assertEquals(folder.resolve("report 2024.pdf"), LocalFiles.inside(folder, "report 2024.pdf"));
        assertEquals(folder.resolve(".profile"), LocalFiles.inside(folder, ".profile"));
    }

    @Test
    void hostileNamesStayInsideTheFolder() throws Exception {
        assertEquals(folder.resolve(".._.._etc_passwd"), LocalFiles.inside(folder, "../../etc/passwd"));
        assertEquals(folder.resolve("a_b"), LocalFiles.inside(folder, "a\\b"));
        assertEquals(folder.resolve("_[31mred"), LocalFiles.inside(folder, "\u001b[31mred"));
        assertEquals(folder.resolve("x_y"), LocalFiles.inside(folder, "x\ny"));
    }

    @Test
    void namesThatAreOnlyDotsAreRefused() {
        for (String name : new String[] {"..", ".", "", "  "}) {
            CliException e = assertThrows(CliException.class, () -> LocalFiles.inside(folder, name));
            assertEquals(ExitCode.USAGE, e.exitCode());
        }
    }

    @Test
    void printableHidesTerminalEscapes() {
        assertEquals("?[2Jx", LocalFiles.printable("\u001b[2Jx"));
    }
}
