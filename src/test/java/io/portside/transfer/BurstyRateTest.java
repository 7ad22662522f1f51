package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.Site;
import io.portside.testing.FakeFtpServer;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A throttling server that sends in bursts (320 KiB at the start of every second, a steady
 * 320 KiB/s on average, as traffic shapers and pyftpdlib's throttle do): the rate and ETA the
 * queue reports stay near the true average instead of swinging with every burst.
 */
class BurstyRateTest {
    static final int BURST = 320 * 1024;
    static final int BURSTS = 12;
    static final int SIZE = BURST * BURSTS;
    @TempDir Path tmp;

    @Test
    void rateAndEtaHoldTheAverageOfABurstyLink() throws Exception {
        try (FakeFtpServer server = new FakeFtpServer()
                .listing("-rw-r--r--   1 owner    group    " + SIZE + " Jan 01 12:00 big.bin")
                .on("SIZE", FakeFtpServer.reply("213 " + SIZE))
                .on("MDTM", FakeFtpServer.reply("213 20250101120000"))
                .on("REST", FakeFtpServer.reply("350 Restarting"))
                .on("RETR", (c, arg) -> {
                    c.reply("150 Opening BINARY mode data connection");
                    try (Socket data = c.acceptData(); OutputStream out = data.getOutputStream()) {
                        byte[] burst = new byte[BURST];
                        for (int i = 0; i < BURSTS; i++) {
                            long start = System.nanoTime();
                            out.write(burst);
                            out.flush();
                            long left = 1000 - (System.nanoTime() - start) / 1_000_000;
                            if (left > 0 && i < BURSTS - 1) {
                                sleep(left);
                            }
                        }
                    }
                    c.reply("226 Transfer complete");
                })
                .start();
             QueueFixture f = new QueueFixture(Site.ftp(server.host(), server.port(), server.user(), server.password()),
                     DataMode.PASSIVE, QueueFixture.fast())) {
            f.queue.start();
            Path local = tmp.resolve("big.bin");
            long id = f.queue.add(TransferJob.download(f.site, "/big.bin", local.toString()));
            JobProgress first = f.await(id, j -> j.bytesDone() > 0);
            long started = System.nanoTime();
            List<String> wrong = new ArrayList<>();
            int checked = 0;
            JobProgress j = first;
            while (j.state() != JobState.DONE && j.state() != JobState.FAILED) {
                double seconds = (System.nanoTime() - started) / 1e9;
                // from 5 s on (any estimator errs by up to a burst period over the time so far), until the last burst
                if (seconds >= 5 && j.state() == JobState.RUNNING && j.bytesDone() < SIZE - BURST) {
                    checked++;
                    double r = j.rate();
                    if (r < BURST * 0.75 || r > BURST * 1.25) {
                        wrong.add(String.format("%.1f s: %.0f KiB/s", seconds, r / 1024));
                    }
                    if (r > 0 && j.eta() != null) {
                        double eta = j.eta().toMillis() / 1000.0;
                        double expected = (SIZE - j.bytesDone()) / r;
                        if (Math.abs(eta - expected) > 0.5) {
                            wrong.add(String.format("%.1f s: ETA %.1f s, %.1f s from the rate", seconds, eta, expected));
                        }
                    }
                }
                sleep(100);
                j = f.queue.get(id);
            }
            assertEquals(JobState.DONE, j.state(), j.message());
            assertEquals(SIZE, Files.size(local));
            assertTrue(checked >= 30, "looked at the rate " + checked + " times");
            assertTrue(wrong.isEmpty(), "the shown rate left 240..400 KiB/s (truly 320): " + wrong);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
