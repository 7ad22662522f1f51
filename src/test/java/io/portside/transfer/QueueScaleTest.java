package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.FtpException;
import io.portside.ftp.Site;
import io.portside.server.SandboxServer;
import io.portside.ftp.DataMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many jobs stay cheap, and progress reaches listeners coalesced rather than per file. */
class QueueScaleTest {
    @TempDir Path tmp;

    @Test
    void hundredThousandQueuedJobsPrintTheirHeap() throws Exception {
        Site site = Site.ftp("127.0.0.1", 1, "u", null);
        SessionFactory none = (s, owner) -> {
            throw new FtpException("not used");
        };
        TransferQueue q = new TransferQueue(QueueSettings.defaults(), none);
        Runtime rt = Runtime.getRuntime();
        long before = usedAfterGc(rt);
        List<TransferJob> jobs = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            jobs.add(TransferJob.download(site, "/data/folder" + (i / 1000) + "/file-" + i + ".bin",
                    "/home/user/Downloads/folder" + (i / 1000) + "/file-" + i + ".bin"));
        }
        q.addAll(jobs);
        jobs = null;
        long after = usedAfterGc(rt);
        System.out.printf("heap for 100,000 queued file jobs: %.1f MB (%d bytes per job)%n",
                (after - before) / 1e6, (after - before) / 100_000);
        assertEquals(100_000, q.totals().queued());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("portside-w")),
                "no threads before start, none per job");
        q.close();
    }

    @Test
    void progressIsCoalesced() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        for (int i = 0; i < 150; i++) {
            Files.writeString(root.resolve("f" + i), "x".repeat(i));
        }
        AtomicInteger updates = new AtomicInteger();
        AtomicInteger mentions = new AtomicInteger();
        try (SandboxServer srv = SandboxServer.start(root);
             QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast().withParallelism(4))) {
            f.queue.addListener(u -> {
                updates.incrementAndGet();
                mentions.addAndGet(u.changed().size());
            });
            f.queue.start();
            long t0 = System.nanoTime();
            f.queue.add(TransferJob.downloadTree(f.site, "/", tmp.resolve("local").toString()));
            f.awaitIdle();
            Thread.sleep(300);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d updates, %d job mentions in %.1f s%n", updates.get(), mentions.get(), seconds);
            assertTrue(updates.get() <= seconds * 10 + 3, "at most ~10 updates a second: " + updates.get());
            assertEquals(151, f.queue.totals().done());
            assertTrue(mentions.get() >= 151, "every job was reported at least once");
        }
    }

    private static long usedAfterGc(Runtime rt) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
