package io.portside.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpSession;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import io.portside.transfer.SessionFactory;
import io.portside.ftp.tls.TlsPolicy;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue's sessions against the embedded server: a mode switch reaches them, closing ends them. */
class WorkerSessionsTest {
    @TempDir Path root;

    @Test
    void aModeSwitchReachesTheOpenSessionsAndCloseEndsThem() throws Exception {
        Files.writeString(root.resolve("a.txt"), "a");
        try (SandboxServer server = SandboxServer.start(root)) {
            Site site = Site.ftp(server.host(), server.port(), server.user(), server.password());
            WorkerSessions sessions = new WorkerSessions(SessionFactory.of(SessionOptions.defaults(), new ProtocolEventBus()));
            FtpSession w1 = sessions.open(site, "w1");
            FtpSession w2 = sessions.open(site, "w2");
            FtpSession idle = sessions.open(site, "w3");
            idle.close(); // its worker went idle and let the connection go
            assertEquals(DataMode.PASSIVE, w1.mode());

            sessions.setMode(DataMode.ACTIVE, ExtendedMode.ALWAYS);
            for (FtpSession s : new FtpSession[] {w1, w2}) {
                assertEquals(DataMode.ACTIVE, s.mode());
                assertEquals(ExtendedMode.ALWAYS, s.extended());
            }
            assertEquals(DataMode.PASSIVE, idle.mode(), "a closed session is not switched");
            assertEquals("a.txt", w1.list("/").get(0).name(), "the switched session still lists (over EPRT now)");

            sessions.close();
            assertFalse(w1.isConnected());
            assertFalse(w2.isConnected());
        }
    }

    @Test
    void eachSessionOpensWithTheSnapshotOfTheMoment() throws Exception {
        Files.writeString(root.resolve("a.txt"), "a");
        try (SandboxServer server = SandboxServer.start(root)) {
            Site site = Site.ftp(server.host(), server.port(), server.user(), server.password());
            AtomicReference<SessionOptions> snapshot = new AtomicReference<>(SessionOptions.defaults());
            try (WorkerSessions sessions = new WorkerSessions(
                    SessionFactory.of(snapshot::get, new ProtocolEventBus(), TlsPolicy.systemOnly()))) {
                FtpSession before = sessions.open(site, "w1");
                snapshot.set(SessionOptions.defaults().withMode(DataMode.ACTIVE, ExtendedMode.ALWAYS)); // the bar changed
                FtpSession after = openOnAnotherThread(sessions, site);
                assertEquals(DataMode.PASSIVE, before.mode());
                assertEquals(DataMode.ACTIVE, after.mode(), "a worker's new session takes the latest snapshot");
                assertEquals(ExtendedMode.ALWAYS, after.extended());
                assertEquals("a.txt", after.list("/").get(0).name());
            }
        }
    }

    private static FtpSession openOnAnotherThread(WorkerSessions sessions, Site site) throws Exception {
        java.util.concurrent.CompletableFuture<FtpSession> f = new java.util.concurrent.CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                f.complete(sessions.open(site, "w2"));
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        worker.start();
        return f.get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
