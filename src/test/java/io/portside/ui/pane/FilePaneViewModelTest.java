package io.portside.ui.pane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.files.FileEntry;
import io.portside.ui.fx.FxBatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pane's navigation and file operations on real files, without a window (everything inline). */
class FilePaneViewModelTest {
    @TempDir Path root;
    final List<Throwable> errors = new ArrayList<>();

    FilePaneViewModel model() {
        return new FilePaneViewModel(new LocalBrowser(root), Runnable::run, new FxBatcher(Runnable::run), errors::add);
    }

    List<String> names(FilePaneViewModel m) {
        return m.items().stream().map(FileEntry::name).toList();
    }

    @Test
    void navigatesWithHistoryAndListsFoldersFirst() throws Exception {
        Files.createDirectories(root.resolve("b-folder/inner"));
        Files.writeString(root.resolve("A-file.txt"), "x");
        Files.writeString(root.resolve("c.txt"), "y");
        FilePaneViewModel m = model();
        m.openHome();
        assertEquals(List.of("b-folder", "A-file.txt", "c.txt"), names(m));

        m.enter(m.items().get(0));
        assertEquals(root.resolve("b-folder").toString(), m.folder().get());
        assertEquals(List.of("inner"), names(m));
        m.up();
        assertEquals(root.toString(), m.folder().get());
        m.back();
        assertEquals(root.resolve("b-folder").toString(), m.folder().get());
        m.forward();
        assertEquals(root.toString(), m.folder().get());
        m.openTyped("b-folder/inner");
        assertEquals(root.resolve("b-folder/inner").toString(), m.folder().get());
        assertEquals(root.resolve("b-folder/inner").toString(), m.recent().get(0));
        assertTrue(errors.isEmpty());
    }

    @Test
    void makesRenamesAndDeletesOnDisk() throws Exception {
        Files.writeString(root.resolve("old.txt"), "x");
        FilePaneViewModel m = model();
        m.openHome();
        m.mkdir("new-folder");
        assertTrue(Files.isDirectory(root.resolve("new-folder")));
        Files.writeString(root.resolve("new-folder/inside.txt"), "x");
        m.rename(m.items().stream().filter(e -> e.name().equals("old.txt")).findFirst().orElseThrow(), "renamed.txt");
        assertTrue(Files.exists(root.resolve("renamed.txt")));
        assertEquals(List.of("new-folder", "renamed.txt"), names(m));
        m.delete(List.copyOf(m.items()));
        assertFalse(Files.exists(root.resolve("new-folder")));
        assertTrue(m.items().isEmpty());
    }

    @Test
    void aFailureReachesTheErrorHandler() {
        FilePaneViewModel m = model();
        m.open(root.resolve("missing").toString());
        assertEquals(1, errors.size());
        assertFalse(m.busy().get());
    }
}
