package io.portside.ui.pane;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portside.files.FileEntry;
import io.portside.ui.fx.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PaneStatusTest {
    private static final UiText EN = new UiText(Locale.ENGLISH);

    @Test
    void countsAreSaidInGoodEnglish() {
        assertEquals("1 file, no folders, 17 B", PaneStatus.describe(EN, PaneStatus.Totals.of(List.of(file("a", 17))), List.of()));
        assertEquals("no files, 1 folder, 0 B", PaneStatus.describe(EN, PaneStatus.Totals.of(List.of(folder("d"))), List.of()));
        List<FileEntry> many = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            many.add(file("f" + i, 1));
        }
        many.add(folder("x"));
        many.add(folder("y"));
        assertEquals("1,200 files, 2 folders, 1.2 KiB", PaneStatus.describe(EN, PaneStatus.Totals.of(many), List.of()));
    }

    @Test
    void chineseCounts() {
        assertEquals("1 个文件，0 个文件夹，17 B",
                PaneStatus.describe(new UiText(Locale.SIMPLIFIED_CHINESE), PaneStatus.Totals.of(List.of(file("a", 17))), List.of()));
    }

    private static FileEntry file(String name, long size) {
        return new FileEntry(name, "/" + name, false, size, null);
    }

    private static FileEntry folder(String name) {
        return new FileEntry(name, "/" + name, true, -1, null);
    }
}
