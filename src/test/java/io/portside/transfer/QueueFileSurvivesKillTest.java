package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.SessionOptions;
import io.portside.ftp.event.ProtocolEventBus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of saving the queue, again and again: the saved queue stays whole. */
class QueueFileSurvivesKillTest {
    @TempDir Path config;

    @Test
    @Timeout(120)
    void theQueueFileIsAlwaysWholeAfterAKill() throws Exception {
        Random random = new Random(42);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int kill = 0; kill < 6; kill++) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    QueueSaverMain.class.getName(), config.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            String first = out.readLine();
            assertEquals("saving", first, "the child started saving");
            Thread.sleep(50 + random.nextInt(400));
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));

            TransferQueue restored = new TransferQueue(QueueSettings.defaults(),
                    SessionFactory.of(SessionOptions.defaults(), new ProtocolEventBus()));
            int jobs = new QueueStore(config).restoreInto(restored).jobs();
            assertTrue(jobs >= 200 && jobs < 500, "a whole saved queue came back: " + jobs + " jobs");
            String text = Files.readString(config.resolve("queue.json"));
            assertFalse(text.contains("never-saved"), "no password in the queue file");
            restored.close();
        }
    }
}
