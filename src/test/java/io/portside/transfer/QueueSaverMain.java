package io.portside.transfer;

import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEventBus;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link QueueFileSurvivesKillTest}: saves a queue of a varying number of
 * jobs, over and over, until it is killed.
 */
public final class QueueSaverMain {
    private QueueSaverMain() {
    }

    public static void main(String[] args) throws Exception {
        QueueStore store = new QueueStore(Path.of(args[0]));
        Site site = Site.ftp("127.0.0.1", 21, "u", "never-saved");
        for (int round = 0; ; round++) {
            TransferQueue queue = new TransferQueue(QueueSettings.defaults(),
                    SessionFactory.of(SessionOptions.defaults(), new ProtocolEventBus()));
            int jobs = 200 + round % 300;
            for (int i = 0; i < jobs; i++) {
                queue.add(TransferJob.download(site, "/remote/file-" + i + ".bin", "/tmp/local/file-" + i + ".bin"));
            }
            store.save(queue);
            if (round == 0) {
                System.out.println("saving");
                System.out.flush();
            }
            queue.close();
        }
    }
}
