package io.portside.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two listings (the queue's and the panes') and the operations the panes use. */
class LocalFilesTest {
    private final LocalFiles files = LocalFiles.INSTANCE;

    @Test
    void listSkipsLinksToFoldersAndDanglingLinksWhileBrowseShowsThem(@TempDir Path dir) throws IOException {
        Files.createDirectory(dir.resolve("sub"));
        Files.writeString(dir.resolve("b.txt"), "hello");
        Files.createSymbolicLink(dir.resolve("to-sub"), dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("to-b"), dir.resolve("b.txt"));
        Files.createSymbolicLink(dir.resolve("nowhere"), dir.resolve("missing"));

        assertEquals(java.util.List.of("b.txt", "sub", "to-b"),
                files.list(dir.toString()).stream().map(FileEntry::name).toList());
        FileEntry toB = files.list(dir.toString()).get(2);
        assertEquals(5, toB.size());
        assertFalse(toB.link());

        Map<String, FileEntry> seen = files.browse(dir.toString()).stream()
                .collect(Collectors.toMap(FileEntry::name, Function.identity()));
        assertEquals(5, seen.size());
        assertTrue(seen.get("to-sub").directory());
        assertEquals(-1, seen.get("to-sub").size());
        assertFalse(seen.get("to-b").link());
        assertEquals(5, seen.get("to-b").size());
        assertTrue(seen.get("nowhere").link());
        assertFalse(seen.get("nowhere").directory());
    }

    @Test
    void renameNoReplaceRefusesAnExistingTarget(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a"), "a");
        Files.writeString(dir.resolve("b"), "b");
        assertThrows(FileAlreadyExistsException.class,
                () -> files.rename(dir.resolve("a").toString(), dir.resolve("b").toString(), false));
        assertEquals("b", Files.readString(dir.resolve("b")));
        files.rename(dir.resolve("a").toString(), dir.resolve("c").toString(), false);
        assertEquals("a", Files.readString(dir.resolve("c")));
    }

    @Test
    void makeFolderWithoutParentsMakesOneFolderOnly(@TempDir Path dir) throws IOException {
        assertTrue(files.makeFolder(dir.resolve("x").toString(), false));
        assertTrue(Files.isDirectory(dir.resolve("x")));
        assertThrows(FileAlreadyExistsException.class, () -> files.makeFolder(dir.resolve("x").toString(), false));
        assertThrows(NoSuchFileException.class, () -> files.makeFolder(dir.resolve("y/z").toString(), false));
        assertFalse(Files.exists(dir.resolve("y")));
    }

    @Test
    void makeFolderWithParentsMakesTheMissingOnesAndAcceptsAnExistingFolder(@TempDir Path dir) throws IOException {
        files.makeFolder(dir.resolve("y/z").toString(), true);
        assertTrue(Files.isDirectory(dir.resolve("y/z")));
        files.makeFolder(dir.resolve("y/z").toString(), true);
        Files.writeString(dir.resolve("f"), "file");
        assertThrows(FileAlreadyExistsException.class, () -> files.makeFolder(dir.resolve("f").toString(), true));
    }

    @Test
    void deleteTreeRemovesAFolderButNotWhatItsLinksPointTo(@TempDir Path dir) throws IOException {
        Path keep = Files.writeString(dir.resolve("keep.txt"), "k");
        Path tree = Files.createDirectories(dir.resolve("tree/deep"));
        Files.writeString(tree.resolve("f"), "f");
        Files.createSymbolicLink(dir.resolve("tree/link"), keep);

        files.delete(dir.resolve("tree").toString(), true);
        assertFalse(Files.exists(dir.resolve("tree")));
        assertTrue(Files.exists(keep));

        files.delete(keep.toString(), false);
        assertFalse(Files.exists(keep));
        assertThrows(NoSuchFileException.class, () -> files.delete(keep.toString(), false));
    }
}
