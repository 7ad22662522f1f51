package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import io.portside.sites.PasswordMode;
import io.portside.sites.SiteProfile;
import io.portside.sites.SiteStore;
import io.portside.transfer.JobProgress;
import io.portside.transfer.QueueSettings;
import io.portside.transfer.QueueStore;
import io.portside.transfer.SessionFactory;
import io.portside.transfer.TransferJob;
import io.portside.transfer.TransferQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portside queue list|resume|clear} on a queue the engine saved as the window does
 * ({@link TransferQueue#restoreFrom}, then closed mid-transfer as on quit), against the
 * embedded server: what is listed, what lands on disk, and which passwords are asked for.
 */
@Timeout(120)
class CliQueueTest {
    static final int SIZE = 2_000_000;
    @TempDir Path serverRoot;
    @TempDir Path local;
    @TempDir Path config;
    SandboxServer server;
    byte[] data;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(serverRoot);
        data = new byte[SIZE];
        new Random(11).nextBytes(data);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Site site() {
        return Site.ftp(server.host(), server.port(), server.user(), server.password());
    }

    void saveCutOff(TransferJob job) throws Exception {
        saveCutOff(config, job);
    }

    /** A transfer cut off by closing the queue (the window's quit), its .part left where it was. */
    static void saveCutOff(Path config, TransferJob job) throws Exception {
        try (TransferQueue queue = new TransferQueue(QueueSettings.defaults().withSpeedLimit(1_000_000),
                SessionFactory.of(SessionOptions.defaults(), new ProtocolEventBus()))) {
            queue.restoreFrom(new QueueStore(config));
            queue.start();
            long id = queue.add(job);
            await(queue, id, j -> j.bytesDone() > 300_000);
        }
        assertFalse(Files.readString(config.resolve("queue.json")).contains(job.site().password()), "no password on disk");
    }

    static void await(TransferQueue queue, long id, Predicate<JobProgress> p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (p.test(queue.get(id))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the job never got there: " + queue.get(id));
    }

    CliRun queue(Prompt prompt, String... args) {
        List<String> all = new ArrayList<>(List.of("queue"));
        all.addAll(List.of(args));
        all.addAll(List.of("--config", config.toString()));
        return CliRun.in(local, prompt, all.toArray(String[]::new));
    }

    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Test
    void aCutOffDownloadIsListedThenResumedFromItsPartAfterAskingThePasswordOnce() throws Exception {
        Files.write(serverRoot.resolve("big.bin"), data);
        Path target = local.resolve("big.bin");
        Path part = local.resolve("big.bin.part");
        saveCutOff(TransferJob.download(site(), "/big.bin", target.toString()));
        long partSize = Files.size(part);
        assertTrue(partSize > 0 && partSize < SIZE, "a real .part on disk: " + partSize);

        CliRun list = queue(null, "list");
        assertEquals(0, list.exitCode(), list.toString());
        String who = "ftp://" + server.user() + "@" + server.host() + ":" + server.port();
        assertEquals("paused    download  " + bytes(partSize) + " / " + bytes(SIZE) + " bytes  " + who + "  /big.bin -> "
                + target + "\n", list.out());
        assertEquals("", list.err());

        CliRun noTerminal = queue(null, "resume");
        assertEquals(ExitCode.USAGE, noTerminal.exitCode(), noTerminal.toString());
        assertEquals(List.of("portside: the saved queue keeps no passwords, and no saved site stores the one of " + who
                + "; run this on a terminal to type it, or save the site with its password in the window's site"
                + " manager"), noTerminal.errLines());
        assertEquals(partSize, Files.size(part), "nothing ran");
        assertTrue(queue(null, "list").out().startsWith("paused "), "still saved");

        List<String> asked = new ArrayList<>();
        CliRun resume = queue(question -> {
            asked.add(question);
            return server.password().toCharArray();
        }, "resume", "--log", "resume.log");

        assertEquals(0, resume.exitCode(), resume.toString());
        assertEquals(List.of("Password for " + who + ": "), asked, "asked once");
        assertArrayEquals(data, Files.readAllBytes(target));
        assertFalse(Files.exists(part), ".part gone");
        assertTrue(Files.readString(local.resolve("resume.log")).contains("->   REST " + partSize),
                "continued from the .part");
        List<String> out = resume.out().lines().toList();
        assertEquals("downloaded /big.bin to " + target + " from " + who + " (" + bytes(SIZE) + " bytes; resumed at byte "
                + partSize + ")", out.get(0));
        assertTrue(out.get(1).startsWith("1 files, "), resume.out());
        assertTrue(out.get(1).endsWith("; 0 skipped, 0 failed"), resume.out());

        CliRun after = queue(null, "list");
        assertEquals("no unfinished transfers saved in " + config.resolve("queue.json") + "\n", after.out());
    }

    @Test
    void aCutOffUploadResumesFromTheServersPartWithThePasswordFromTheSavedSites() throws Exception {
        Path source = local.resolve("up.bin");
        Files.write(source, data);
        saveCutOff(TransferJob.upload(site(), source.toString(), "/up.bin"));
        long serverPart = Files.size(serverRoot.resolve("up.bin.part"));
        assertTrue(serverPart > 0 && serverPart < SIZE, "a real .part on the server: " + serverPart);
        SiteStore sites = new SiteStore(config);
        sites.createMasterPassword("master secret".toCharArray());
        sites.save(new SiteProfile("Sandbox", site().protocol(), server.host(), server.port(), server.user(),
                PasswordMode.STORED_ENCRYPTED, null, null, null, null, null, 0), server.password().toCharArray());
        Files.writeString(local.resolve("master.txt"), "master secret\n");

        CliRun locked = queue(null, "resume");
        assertEquals(ExitCode.USAGE, locked.exitCode(), locked.toString());
        assertTrue(locked.err().contains("the saved site \"Sandbox\" stores the password of ftp://" + server.user()
                + "@" + server.host() + ":" + server.port() + " under the master password; give"
                + " --master-password-file FILE"), locked.err());
        CliRun wrong = queue(q -> "not it".toCharArray(), "resume");
        assertEquals("portside: the master password of the saved sites is wrong\n", wrong.err());

        CliRun resume = queue(q -> {
            throw new AssertionError("nothing to ask: " + q);
        }, "resume", "--master-password-file", "master.txt", "--log", "up.log");

        assertEquals(0, resume.exitCode(), resume.toString());
        assertArrayEquals(data, Files.readAllBytes(serverRoot.resolve("up.bin")));
        assertFalse(Files.exists(serverRoot.resolve("up.bin.part")), "the server's .part gone");
        String log = Files.readString(local.resolve("up.log"));
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("resumed at byte (\\d+)").matcher(resume.out());
        assertTrue(at.find(), resume.out());
        assertTrue(Long.parseLong(at.group(1)) >= serverPart, "from the server's .part size " + serverPart + ":\n"
                + resume.out() + log);
        assertTrue(resume.out().startsWith("uploaded " + source + " to /up.bin on ftp://"), resume.out());
    }

    /** An FTPES job: the certificate the user trusted in the window (its file in the config folder) is trusted here. */
    @Test
    void anFtpesJobTrustsTheCertificatesTheWindowTrusted(@TempDir Path keys) throws Exception {
        Path keystore = io.portside.ftp.TestCertificates.create(keys, "queue");
        String fingerprint = io.portside.ftp.TestCertificates.fingerprint(keystore);
        Files.writeString(serverRoot.resolve("tls.txt"), "over TLS");
        try (SandboxServer tls = SandboxServer.start(serverRoot, "u", "pw", SandboxServer.NetworkQuirks.NONE,
                new SandboxServer.Tls(keystore, io.portside.ftp.TestCertificates.PASSWORD, false))) {
            Site site = new Site(io.portside.ftp.Protocol.FTPES, "127.0.0.1", tls.port(), "u", null);
            // as the window saves it: a queued job, no password
            Files.writeString(config.resolve("queue.json"), "{\"version\":1,\"sites\":[{\"protocol\":\"FTPES\","
                    + "\"host\":\"127.0.0.1\",\"port\":" + tls.port() + ",\"user\":\"u\"}],\"jobs\":[{\"direction\":"
                    + "\"DOWNLOAD\",\"directory\":false,\"site\":0,\"source\":\"/tls.txt\",\"target\":\""
                    + local.resolve("tls.txt") + "\",\"size\":-1,\"state\":\"QUEUED\"}]}");
            Prompt password = q -> "pw".toCharArray();

            CliRun untrusted = queue(password, "resume");
            assertEquals(ExitCode.REMOTE_FAILURE, untrusted.exitCode(), untrusted.toString());
            assertTrue(untrusted.err().contains(fingerprint), untrusted.err());
            assertFalse(Files.exists(local.resolve("tls.txt")));

            new io.portside.ftp.tls.FingerprintFile(config.resolve(io.portside.sites.ConfigFolder.TRUSTED_CERTIFICATES))
                    .put("127.0.0.1:" + tls.port(), fingerprint);
            CliRun trusted = queue(password, "resume", "--log", "-");
            assertEquals(0, trusted.exitCode(), trusted.toString());
            assertEquals("over TLS", Files.readString(local.resolve("tls.txt")));
            assertTrue(trusted.err().contains("->   PROT P"), trusted.err());
            assertEquals(site.toString(), "ftpes://u@127.0.0.1:" + tls.port());
        }
    }

    /**
     * A resume stopped by Ctrl-C or kill (SIGTERM; the real entry point in a process of its own,
     * with no terminal): the queue is saved as it is then, not as at the last throttled save, so
     * the file that finished is not listed again and the cut-off one waits, paused.
     */
    @Test
    void aResumeStoppedByASignalSavesTheQueueAsItIsThen() throws Exception {
        Files.writeString(serverRoot.resolve("small.txt"), "small");
        Files.write(serverRoot.resolve("big.bin"), data);
        saveCutOff(TransferJob.download(site(), "/big.bin", local.resolve("big.bin").toString()));
        try (TransferQueue window = new TransferQueue(QueueSettings.defaults(),
                SessionFactory.of(SessionOptions.defaults(), new ProtocolEventBus()))) {
            window.restoreFrom(new QueueStore(config));
            window.moveToFront(List.of(window.add(TransferJob.download(site(), "/small.txt",
                    local.resolve("small.txt").toString()))));
        }
        SiteStore sites = new SiteStore(config);
        sites.createMasterPassword("m".toCharArray());
        sites.save(new SiteProfile("Sandbox", site().protocol(), server.host(), server.port(), server.user(),
                PasswordMode.STORED_ENCRYPTED, null, null, null, null, null, 0), server.password().toCharArray());
        Files.writeString(local.resolve("m.txt"), "m");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                io.portside.Launcher.class.getName(), "queue", "resume", "--config", config.toString(),
                "--master-password-file", local.resolve("m.txt").toString(), "--parallel", "1", "--limit-rate", "100K")
                .redirectErrorStream(true).redirectOutput(local.resolve("child.out").toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(local.resolve("small.txt")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(local.resolve("small.txt")), Files.readString(local.resolve("child.out")));
            Thread.sleep(300); // into big.bin
        } finally {
            child.destroy(); // SIGTERM, as kill or Ctrl-C (SIGINT) end it
        }
        assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        long part = Files.size(local.resolve("big.bin.part"));

        CliRun list = queue(null, "list");

        assertEquals(List.of("paused    download  " + bytes(part) + " / " + bytes(SIZE) + " bytes  "
                + site() + "  /big.bin -> " + local.resolve("big.bin")), list.out().lines().toList(),
                Files.readString(local.resolve("child.out")));
        assertEquals("small", Files.readString(local.resolve("small.txt")));
    }

    @Test
    void clearForgetsTheJobsAndDeletesTheirPart() throws Exception {
        Files.write(serverRoot.resolve("big.bin"), data);
        saveCutOff(TransferJob.download(site(), "/big.bin", local.resolve("big.bin").toString()));
        assertTrue(Files.exists(local.resolve("big.bin.part")));

        CliRun clear = queue(null, "clear");

        assertEquals(0, clear.exitCode(), clear.toString());
        assertEquals("cleared 1 saved transfer from " + config.resolve("queue.json") + "\n", clear.out());
        assertFalse(Files.exists(local.resolve("big.bin.part")), "no orphaned .part");
        assertFalse(Files.exists(local.resolve("big.bin")));
        assertEquals("no unfinished transfers saved in " + config.resolve("queue.json") + "\n",
                queue(null, "list").out());
    }

    /** Two Portsides running the same saved jobs would write the same .part: one has the queue at a time. */
    @Test
    void whileTheWindowHasTheQueueResumeAndClearRefuseAndListStillShows() throws Exception {
        Files.write(serverRoot.resolve("big.bin"), data);
        saveCutOff(TransferJob.download(site(), "/big.bin", local.resolve("big.bin").toString()));
        long partSize = Files.size(local.resolve("big.bin.part"));
        try (TransferQueue window = new TransferQueue(QueueSettings.defaults(),
                SessionFactory.of(SessionOptions.defaults(), new ProtocolEventBus()))) {
            assertEquals(1, window.restoreFrom(new QueueStore(config)).jobs());
            for (String what : List.of("resume", "clear")) {
                CliRun refused = queue(q -> server.password().toCharArray(), what);
                assertEquals(ExitCode.LOCAL_FAILURE, refused.exitCode(), refused.toString());
                assertEquals(List.of("portside: the saved queue " + config.resolve("queue.json") + " was not used: another"
                        + " Portside has it open (a window, or portside queue resume); close that one first"),
                        refused.errLines());
            }
            assertTrue(queue(null, "list").out().startsWith("paused    download  " + bytes(partSize)));
            assertEquals(partSize, Files.size(local.resolve("big.bin.part")), "untouched");
        }
        CliRun resume = queue(q -> server.password().toCharArray(), "resume");
        assertEquals(0, resume.exitCode(), resume.toString());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("big.bin")));
    }

    @Test
    void aDamagedOrNewerQueueFileIsKeptAsideAndSaidInWords() throws Exception {
        String damaged = "{\"version\":1,\"jobs\":[{\"dir";
        Files.writeString(config.resolve("queue.json"), damaged);

        CliRun list = queue(null, "list");

        assertEquals(ExitCode.LOCAL_FAILURE, list.exitCode(), list.toString());
        Path aside = aside("queue.json.damaged-");
        assertEquals(damaged, Files.readString(aside), "kept as it was");
        assertEquals(1, list.errLines().size(), list.toString());
        assertTrue(list.err().startsWith("portside: the saved queue " + config.resolve("queue.json")
                + " was not used: it cannot be read: "), list.err());
        assertTrue(list.err().endsWith("; it was kept as " + aside + ", and the saved queue starts empty\n"), list.err());
        assertEquals("", list.out());

        String newer = "{\"version\":99,\"sites\":[],\"jobs\":[]}";
        Files.writeString(config.resolve("queue.json"), newer);
        CliRun resume = queue(null, "resume");
        assertEquals(ExitCode.LOCAL_FAILURE, resume.exitCode(), resume.toString());
        assertTrue(resume.err().startsWith("portside: the saved queue " + config.resolve("queue.json") + " was not used:"
                + " it was written by a newer Portside (queue version 99); it was kept as "), resume.err());
        assertEquals(newer, Files.readString(aside("queue.json.newer-")));
    }

    @Test
    void withoutConfigTheWindowsFolderIsUsedAndABadWordIsAUsageError() throws Exception {
        String before = System.getProperty("portside.config");
        System.setProperty("portside.config", config.toString());
        try {
            CliRun list = CliRun.in(local, "queue", "list");
            assertEquals("no unfinished transfers saved in " + config.resolve("queue.json") + "\n", list.out());
        } finally {
            if (before == null) {
                System.clearProperty("portside.config");
            } else {
                System.setProperty("portside.config", before);
            }
        }
        CliRun bad = CliRun.in(local, "queue", "show");
        assertEquals(ExitCode.USAGE, bad.exitCode());
        assertEquals("portside: queue takes list, resume or clear, not 'show' (usage: portside [options] queue"
                + " list|resume|clear)\n", bad.err());
    }

    private Path aside(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(config)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("nothing kept aside as " + prefix + "*"));
        }
    }
}
