package io.portside.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one remote path type: its edge cases, and that the queue's view of the server uses it. */
class RemotePathTest {

    @Test
    void rootAndTheLoginFolderHaveNoParent() {
        assertEquals(RemotePath.ROOT, RemotePath.of("/"));
        assertEquals(RemotePath.ROOT, RemotePath.of("//"));
        assertEquals("/", RemotePath.ROOT.toString());
        assertNull(RemotePath.ROOT.parent());
        assertEquals(RemotePath.LOGIN, RemotePath.of(""));
        assertEquals(RemotePath.LOGIN, RemotePath.of("."));
        assertEquals("", RemotePath.LOGIN.toString());
        assertEquals(".", RemotePath.LOGIN.display());
        assertNull(RemotePath.LOGIN.parent());
        assertEquals("", RemotePath.ROOT.name());
    }

    @Test
    void parentOfARelativeNameIsTheLoginFolderAndOfAnAbsoluteOneTheRoot() {
        assertEquals(RemotePath.LOGIN, RemotePath.of("a").parent());
        assertEquals(RemotePath.ROOT, RemotePath.of("/a").parent());
        assertEquals("a/b", RemotePath.of("a/b/c").parent().toString());
        assertEquals("/a/b", RemotePath.of("/a/b/c").parent().toString());
    }

    @Test
    void trailingAndDoubledSlashesAndDotsGo() {
        assertEquals("/pub/x", RemotePath.of("/pub/x/").toString());
        assertEquals("/pub/x", RemotePath.of("/pub//./x").toString());
        assertEquals("x", RemotePath.of("x/").name());
        assertEquals("pub", RemotePath.of("/pub/").name());
        assertEquals(RemotePath.ROOT, RemotePath.of("/pub/").parent());
    }

    @Test
    void dotDotTakesTheSegmentBeforeItAway() {
        assertEquals("/a/c", RemotePath.of("/a/b/../c").toString());
        assertEquals("/", RemotePath.of("/a/..").toString());
        assertEquals("/x", RemotePath.of("/../../x").toString(), "nothing above the root");
        assertEquals("../x", RemotePath.of("../x").toString(), "above the login folder: the server's to resolve");
        assertEquals("../..", RemotePath.of("../..").toString());
        assertEquals("", RemotePath.of("a/..").toString());
        assertEquals("/home/u/docs", RemotePath.of("/home/u/pub").resolve("../docs").toString());
        assertEquals("/etc", RemotePath.of("/home/u").resolve("/etc").toString());
        assertEquals("/home/u", RemotePath.of("/home/u").resolve("").toString());
    }

    @Test
    void namesWithSpacesAndDotsAreKeptAsListed() {
        RemotePath p = RemotePath.of("/my docs").child(" report Q3 .txt");
        assertEquals("/my docs/ report Q3 .txt", p.toString());
        assertEquals(" report Q3 .txt", p.name());
        assertEquals(List.of("my docs", " report Q3 .txt"), p.segments());
        assertEquals("/my docs", p.parent().toString());
        // a listed name is one segment, literally; only typed text is parsed
        assertEquals("..", RemotePath.ROOT.child("..").name());
        assertThrows(IllegalArgumentException.class, () -> RemotePath.ROOT.child(""));
    }

    @Test
    void absoluteAndRelativeDiffer() {
        assertTrue(RemotePath.of("/a").isAbsolute());
        assertFalse(RemotePath.of("a").isAbsolute());
        assertFalse(RemotePath.of("a").equals(RemotePath.of("/a")));
        assertEquals(RemotePath.of("a/b").hashCode(), RemotePath.LOGIN.child("a").child("b").hashCode());
    }

    /** The queue's FTP side joins and splits with RemotePath (it holds no session for that). */
    @Test
    void theQueuesServerSideAgrees() {
        FtpFiles ftp = new FtpFiles(null);
        assertEquals("", ftp.parent("a"));
        assertEquals("/", ftp.parent("/a"));
        assertEquals("/", ftp.parent("/"));
        assertEquals("a", ftp.parent("a/b/"));
        assertEquals("x", ftp.child("", "x"));
        assertEquals("x", ftp.child(".", "x"));
        assertEquals("/x", ftp.child("/", "x"));
        assertEquals("/d/x y", ftp.child("/d/", "x y"));
    }
}
