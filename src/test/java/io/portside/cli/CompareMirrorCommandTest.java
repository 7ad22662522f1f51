package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** compare and mirror (plan, --dry-run, --delete, filters, time offset) through Cli against the embedded server. */
@Timeout(60)
class CompareMirrorCommandTest {
    @TempDir Path tmp;
    Path serverRoot;
    Path remote;
    Path local;

    @BeforeEach
    void trees() throws Exception {
        serverRoot = Files.createDirectories(tmp.resolve("server"));
        remote = serverRoot.resolve("t");
        local = tmp.resolve("local");
        MirrorTrees.make(remote, local);
    }

    @Test
    void compareSaysEveryStateAndExitsOneWhenDifferent() throws Exception {
        try (SandboxServer srv = SandboxServer.start(serverRoot)) {
            CliRun deep = CliRun.of("compare", "--recursive", CliRun.url(srv, "t"), local.toString());
            assertEquals(1, deep.exitCode(), deep.toString());
            assertEquals(MirrorTrees.COMPARE, deep.out().lines().toList(), deep.toString());

            CliRun flat = CliRun.of("compare", CliRun.url(srv, "t"), local.toString());
            assertEquals(1, flat.exitCode(), flat.toString());
            assertEquals(MirrorTrees.COMPARE.stream().filter(l -> !l.matches(".*/.+")).toList(),
                    flat.out().lines().toList(), "one level: the folders themselves, not what they hold");

            CliRun same = CliRun.of("compare", "-r", CliRun.url(srv, "t/sub"), remote.resolve("sub").toString());
            assertEquals(0, same.exitCode(), same.toString());
            assertEquals("", same.out());
        }
    }

    @Test
    void filtersAndTheServerTimeOffsetChooseWhatIsCompared() throws Exception {
        try (SandboxServer srv = SandboxServer.start(serverRoot)) {
            CliRun run = CliRun.of("compare", "--recursive", "--include", "*.txt", "--exclude", "sub",
                    "--exclude", "o*", CliRun.url(srv, "t"), local.toString());
            // "clash" is a file on the server that *.txt does not pick: left out on both sides
            assertEquals(List.of("different size changed size.txt", "only local     extra local.txt", "local newer    local newer.txt", "only remote    newdir/",
                    "only remote    newdir/x.txt", "remote newer   remote newer.txt"), run.out().lines().toList(),
                    run.toString());

            // read as an hour earlier, the server's newer file is the same and its same ones older
            CliRun shifted = CliRun.of("compare", "--recursive", "--time-offset", "-60", CliRun.url(srv, "t"),
                    local.toString());
            List<String> expected = new ArrayList<>(MirrorTrees.COMPARE);
            expected.remove("remote newer   remote newer.txt");
            expected.add(expected.size() - 1, "local newer    same.txt");
            expected.add(expected.size() - 1, "local newer    sub/keep.txt");
            assertEquals(expected, shifted.out().lines().toList(), shifted.toString());

            // within the tolerance, an hour apart is the same
            CliRun tolerant = CliRun.of("compare", "--time-tolerance", "3600", CliRun.url(srv, "t"), local.toString());
            assertFalse(tolerant.out().contains("newer"), tolerant.toString());
        }
    }

    @Test
    void sizeLimitsLeaveOutFilesOutsideThemOnEitherSide() throws Exception {
        try (SandboxServer srv = SandboxServer.start(serverRoot)) {
            // "changed size.txt" is 22 bytes there and 5 here: out, not an "only remote"
            CliRun big = CliRun.of("compare", "-r", "--min-size", "10", CliRun.url(srv, "t"), local.toString());
            List<String> expected = new ArrayList<>(MirrorTrees.COMPARE);
            expected.removeAll(List.of("different size changed size.txt", "only local     extra local.txt",
                    "only remote    sub/深 层.txt"));
            assertEquals(expected, big.out().lines().toList(), big.toString());

            CliRun small = CliRun.of("compare", "-r", "--max-size", "5B", CliRun.url(srv, "t"), local.toString());
            assertEquals(List.of("only remote    newdir/", "only local     oldsub/", "only remote    sub/深 层.txt"),
                    small.out().lines().toList(), small.toString());

            CliRun mirror = CliRun.of("mirror", "--max-size", "0.005K", CliRun.url(srv, "t"), local.toString());
            assertEquals(0, mirror.exitCode(), mirror.toString());
            assertEquals("deep", Files.readString(local.resolve("sub/深 层.txt")));
            assertEquals("short", Files.readString(local.resolve("changed size.txt")), "over the limit: untouched");
            assertFalse(Files.exists(local.resolve("newdir/x.txt")), mirror.toString());

            CliRun crossed = CliRun.of("compare", "--min-size", "2M", "--max-size", "1M", CliRun.url(srv, "t"),
                    local.toString());
            assertEquals(2, crossed.exitCode(), crossed.toString());
            assertTrue(crossed.err().contains("--min-size is larger than --max-size"), crossed.toString());
            CliRun garbage = CliRun.of("compare", "--max-size", "lots", CliRun.url(srv, "t"), local.toString());
            assertEquals(2, garbage.exitCode(), garbage.toString());
            assertTrue(garbage.err().contains("--max-size must be a size such as 10K, 2M or 1G, not 'lots'"),
                    garbage.toString());
        }
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        Map<String, String> before = MirrorTrees.snapshot(tmp);
        try (SandboxServer srv = SandboxServer.start(serverRoot)) {
            CliRun down = CliRun.of("mirror", "--dry-run", "--delete", CliRun.url(srv, "t"), local.toString());
            assertEquals(0, down.exitCode(), down.toString());
            assertEquals(MirrorTrees.DOWN_PLAN, MirrorTrees.plan(down.out()), down.toString());
            assertTrue(down.out().endsWith("dry run: 5 files to transfer (80 B), 2 to delete, 1 skipped, 3 unchanged;"
                    + " nothing was changed\n"), down.out());

            CliRun up = CliRun.of("mirror", "--dry-run", "--delete", "--reverse", local.toString(),
                    CliRun.url(srv, "t"));
            assertEquals(0, up.exitCode(), up.toString());
            assertEquals(MirrorTrees.UP_PLAN, MirrorTrees.plan(up.out()), up.toString());
        }
        assertEquals(before, MirrorTrees.snapshot(tmp), "not a byte or a time changed on either side");

        try (SandboxServer srv = SandboxServer.start(serverRoot)) {
            CliRun fresh = CliRun.of("mirror", "--dry-run", "--reverse", remote.resolve("sub").toString(),
                    CliRun.url(srv, "new"));
            assertEquals(0, fresh.exitCode(), fresh.toString());
            assertEquals(List.of("upload        keep.txt", "upload        深 层.txt"), MirrorTrees.plan(fresh.out()));
        }
        assertFalse(Files.exists(serverRoot.resolve("new")), "a dry run makes no folder either");
    }

    @Test
    void mirrorMovesExactlyThePlannedFilesThenDeletesTheExtras() throws Exception {
        Path log = tmp.resolve("down.log");
        try (SandboxServer srv = SandboxServer.start(serverRoot)) {
            CliRun run = CliRun.of("mirror", "--delete", "--log", log.toString(), CliRun.url(srv, "t"),
                    local.toString());
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(List.of("skip-conflict clash  (type clash)"), MirrorTrees.plan(run.out()));
            assertTrue(run.out().contains("5 files, 80 B in "), run.out());
            assertTrue(run.out().contains("; 3 unchanged, 1 skipped, 0 failed, 2 deleted"), run.out());
            String text = Files.readString(log);
            assertEquals(5, MirrorTrees.sent(text, "RETR"), text);
            assertEquals(0, MirrorTrees.sent(text, "STOR"), text);

            assertEquals(List.of("changed size.txt", "clash/inner.txt", "local newer.txt", "newdir/x.txt",
                    "only remote 文件.txt", "remote newer.txt", "same.txt", "sub/keep.txt", "sub/深 层.txt"),
                    MirrorTrees.files(local));
            assertEquals("the longer remote text", Files.readString(local.resolve("changed size.txt")));
            assertEquals("newer on this disk!", Files.readString(local.resolve("local newer.txt")), "not older");
            assertEquals("只在服务器上", Files.readString(local.resolve("only remote 文件.txt")));

            // in line now: what is left is the clash (the copies are newer here, so nothing goes again)
            CliRun again = CliRun.of("mirror", "--dry-run", "--delete", CliRun.url(srv, "t"), local.toString());
            assertEquals(List.of("skip-conflict clash  (type clash)"), MirrorTrees.plan(again.out()), again.toString());
        }
    }

    @Test
    void reverseMirrorUploadsExactlyThePlannedFilesThenDeletesOnTheServer() throws Exception {
        Path log = tmp.resolve("up.log");
        try (SandboxServer srv = SandboxServer.start(serverRoot)) {
            CliRun run = CliRun.of("mirror", "--reverse", "--delete", "--log", log.toString(), local.toString(),
                    CliRun.url(srv, "t"));
            assertEquals(0, run.exitCode(), run.toString());
            String text = Files.readString(log);
            assertEquals(4, MirrorTrees.sent(text, "STOR"), text);
            assertEquals(0, MirrorTrees.sent(text, "RETR"), text);
            assertEquals(List.of("changed size.txt", "clash", "extra local.txt", "local newer.txt", "oldsub/y.txt",
                    "remote newer.txt", "same.txt", "sub/keep.txt"), MirrorTrees.files(remote));
            assertEquals("newer on this disk!", Files.readString(remote.resolve("local newer.txt")));
            assertEquals("newer on the server", Files.readString(remote.resolve("remote newer.txt")), "kept: newer");
        }
    }

    @Test
    void onConflictSkipKeepsWhatDiffersAndListsIt() throws Exception {
        try (SandboxServer srv = SandboxServer.start(serverRoot)) {
            CliRun run = CliRun.of("mirror", "--dry-run", "--on-conflict", "skip", CliRun.url(srv, "t"),
                    local.toString());
            assertEquals(List.of("skip-conflict changed size.txt  (different size)", "skip-conflict clash  (type clash)",
                    "download      newdir/", "download      newdir/x.txt", "download      only remote 文件.txt",
                    "skip-conflict remote newer.txt  (remote newer)", "download      sub/深 层.txt"),
                    MirrorTrees.plan(run.out()), run.toString());

            CliRun newer = CliRun.of("mirror", "--dry-run", "--on-conflict", "newer", CliRun.url(srv, "t"),
                    local.toString());
            assertTrue(newer.out().contains("skip-conflict changed size.txt  (different size)\n"), newer.toString());
            assertTrue(newer.out().contains("download      remote newer.txt\n"), newer.toString());
        }
    }
}
