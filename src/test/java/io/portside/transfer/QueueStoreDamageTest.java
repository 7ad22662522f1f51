package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEventBus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A queue file that cannot be read, or that a newer Portside wrote, is set aside and said so; the queue starts empty. */
class QueueStoreDamageTest {
    @TempDir Path config;

    private QueueStore.Restored restore(String content) throws Exception {
        Files.writeString(config.resolve("queue.json"), content);
        try (TransferQueue q = new TransferQueue(QueueSettings.defaults(),
                SessionFactory.of(SessionOptions.defaults(), new ProtocolEventBus()))) {
            QueueStore.Restored r = q.restoreFrom(new QueueStore(config));
            assertEquals(0, q.snapshot().size(), "nothing half-restored");
            return r;
        }
    }

    @Test
    void brokenJsonIsKeptAsideAndReported() throws Exception {
        QueueStore.Restored r = restore("{\"version\":1,\"sites\":[{\"protocol\":\"FTP\",\"host\":\"h\"");
        assertEquals(0, r.jobs());
        assertNotNull(r.keptAside());
        assertTrue(r.keptAside().getFileName().toString().startsWith("queue.json.damaged-"), r.keptAside().toString());
        assertTrue(r.problem().startsWith("it cannot be read"), r.problem());
        assertTrue(Files.readString(r.keptAside()).startsWith("{\"version\":1"), "kept as it was");
        assertFalse(Files.exists(config.resolve("queue.json.damaged")), "the name carries the time");
    }

    @Test
    void aJobPointingAtAMissingSiteIsDamageNotAHalfQueue() throws Exception {
        QueueStore.Restored r = restore("""
                {"version":1,"sites":[{"protocol":"FTP","host":"h","port":21,"user":"u"}],"jobs":[
                 {"direction":"DOWNLOAD","site":0,"source":"/a","target":"/tmp/a","size":-1,"state":"QUEUED"},
                 {"direction":"DOWNLOAD","site":7,"source":"/b","target":"/tmp/b","size":-1,"state":"QUEUED"}]}""");
        assertNotNull(r.keptAside());
        assertTrue(r.problem().contains("cannot be read"), r.problem());
    }

    @Test
    void aJobInAStateNeverSavedIsDamageSaidInBothLanguages() throws Exception {
        QueueStore.Restored r = restore("""
                {"version":1,"sites":[{"protocol":"FTP","host":"h","port":21,"user":"u"}],"jobs":[
                 {"direction":"DOWNLOAD","site":0,"source":"/a","target":"/tmp/a","size":-1,"state":"DONE"}]}""");
        assertEquals("it cannot be read: a job is saved as DONE", r.problem());
        assertEquals("无法读取它：有一个任务保存为 DONE 状态", r.words().render(java.util.Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aNewerVersionIsKeptAsideNotOverwritten() throws Exception {
        QueueStore.Restored r = restore("{\"version\":9,\"sites\":[],\"jobs\":[],\"future\":true}");
        assertTrue(r.keptAside().getFileName().toString().startsWith("queue.json.newer-"), r.keptAside().toString());
        assertTrue(r.problem().contains("newer Portside (queue version 9)"), r.problem());
        assertEquals("它由更新版本的 Portside 写入（队列版本 9）", r.words().render(java.util.Locale.SIMPLIFIED_CHINESE),
                "the Chinese window's report");
        assertTrue(Files.readString(r.keptAside()).contains("future"));
    }

    @Test
    void keepAddsACommandLinesJobsToTheSavedOnesAsPaused() throws Exception {
        Site site = Site.ftp("127.0.0.1", 21, "u", "secret");
        QueueStore store = new QueueStore(config);
        try (TransferQueue window = new TransferQueue(QueueSettings.defaults(),
                SessionFactory.of(SessionOptions.defaults(), new ProtocolEventBus()))) {
            window.add(TransferJob.download(site, "/w.bin", "/tmp/w.bin"));
            store.save(window);
        }
        try (TransferQueue cli = new TransferQueue(QueueSettings.defaults(),
                SessionFactory.of(SessionOptions.defaults(), new ProtocolEventBus()))) {
            cli.add(TransferJob.download(site, "c.bin", "c.bin"));
            assertEquals(1, store.keep(cli, p -> "/pub/" + p, p -> "/home/me/" + p));
        }
        try (TransferQueue back = new TransferQueue(QueueSettings.defaults(),
                SessionFactory.of(SessionOptions.defaults(), new ProtocolEventBus()))) {
            assertEquals(2, back.restoreFrom(store).jobs());
            JobProgress w = back.snapshot().get(0);
            JobProgress c = back.snapshot().get(1);
            assertEquals(JobState.QUEUED, w.state());
            assertEquals(JobState.PAUSED, c.state());
            assertEquals("/pub/c.bin", c.job().source());
            assertEquals("/home/me/c.bin", c.job().target());
            assertEquals(c.job().site(), w.job().site(), "one site, written once");
        }
        assertFalse(Files.readString(store.file()).contains("secret"));
    }
}
