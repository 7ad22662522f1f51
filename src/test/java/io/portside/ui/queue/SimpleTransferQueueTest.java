package io.portside.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.portside.ftp.FtpSession;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimpleTransferQueueTest {
    @TempDir Path tmp;

    @Test
    void cancellingARunningDownloadDeletesThePartialFile() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("srv"));
        byte[] big = new byte[3_000_000];
        new Random(3).nextBytes(big);
        Files.write(root.resolve("big.bin"), big);
        ProtocolEventBus bus = new ProtocolEventBus();
        Map<Long, JobSnapshot> last = new ConcurrentHashMap<>();
        try (SandboxServer srv = SandboxServer.start(root);
             SimpleTransferQueue q = new SimpleTransferQueue(() -> FtpSession.open(
                     Site.ftp(srv.host(), srv.port(), srv.user(), srv.password()), SessionOptions.defaults(), bus, "w1"))) {
            q.setSpeedLimit(500_000);
            q.onChange(s -> last.put(s.id(), s));
            Path target = tmp.resolve("big.bin");
            long id = q.submit(new TransferRequest(TransferRequest.Direction.DOWNLOAD, target, "/big.bin", false, big.length));
            long end = System.nanoTime() + 10_000_000_000L;
            while (!(Files.exists(target) && Files.size(target) > 0) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            q.cancel(id);
            end = System.nanoTime() + 10_000_000_000L;
            while (last.get(id).state() != JobState.CANCELLED && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertEquals(JobState.CANCELLED, last.get(id).state(), String.valueOf(last.get(id)));
            assertFalse(Files.exists(target), "no partial file is left");
        }
    }
}
