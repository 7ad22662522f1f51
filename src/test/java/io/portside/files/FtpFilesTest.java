package io.portside.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.FtpReplyException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a {@link FileSystemView}, against the embedded server. */
class FtpFilesTest {
    @TempDir Path root;

    @Test
    void statTellsSizesAndTheLogSaysAMissingTargetIsNoError() throws Exception {
        Files.writeString(root.resolve("here.txt"), "12345");
        ProtocolEventBus bus = new ProtocolEventBus();
        LogFormatter formatter = new LogFormatter(Locale.ENGLISH);
        List<String> log = new CopyOnWriteArrayList<>();
        try (SandboxServer server = SandboxServer.start(root);
             var sub = bus.subscribe(e -> log.add(formatter.format(e).render()));
             FtpSession session = FtpSession.open(Site.ftp(server.host(), server.port(), server.user(),
                     server.password()), SessionOptions.defaults(), bus, "test")) {
            FtpFiles files = new FtpFiles(session);
            assertEquals(5, files.stat("/here.txt").size());
            assertNull(files.stat("/missing.txt"));
            long until = System.nanoTime() + 5_000_000_000L;
            while (log.stream().noneMatch(l -> l.contains("no /missing.txt on the server")) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            int reply = indexOf(log, "550");
            int note = indexOf(log, "no /missing.txt on the server: a check before writing there, not an error");
            assertTrue(reply >= 0 && note > reply, "the 550 is followed by the explanation:\n" + String.join("\n", log));
        }
    }

    @Test
    void makeFolderWithParentsMakesTheChainAndWithoutSaysTheServersRefusal() throws Exception {
        Files.createDirectories(root.resolve("there"));
        try (SandboxServer server = SandboxServer.start(root);
             FtpSession session = FtpSession.open(Site.ftp(server.host(), server.port(), server.user(),
                     server.password()), SessionOptions.defaults(), new ProtocolEventBus(), "test")) {
            FtpFiles files = new FtpFiles(session);
            assertTrue(files.makeFolder("/a/b/c", true), "MKD succeeded, so the folder is new");
            assertTrue(Files.isDirectory(root.resolve("a/b/c")));
            assertFalse(files.makeFolder("/there", true), "a folder that was there is not new");
            FtpReplyException refused = assertThrows(FtpReplyException.class, () -> files.makeFolder("/there", false));
            assertEquals(550, refused.code());
            assertThrows(FtpReplyException.class, () -> files.makeFolder("/x/y", false));
            assertFalse(Files.exists(root.resolve("x")), "without parents, no parent is made");
            assertTrue(files.makeFolder("/one", false));
            assertTrue(Files.isDirectory(root.resolve("one")));
        }
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
