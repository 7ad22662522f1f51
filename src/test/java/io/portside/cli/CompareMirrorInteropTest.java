package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.interop.InteropServers;
import io.portside.interop.InteropServers.ServerInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * compare and mirror against the real servers: vsftpd lists with LIST (times to the minute, so
 * its equal-sized files need an MDTM each), proftpd and pure-ftpd with MLSD (to the second, no
 * MDTM). The same trees and the same plans as against the embedded server.
 */
@Timeout(180)
class CompareMirrorInteropTest {
    @TempDir Path local;
    private Path onServer;

    @BeforeAll
    static void up() {
        InteropServers.require();
    }

    static List<ServerInfo> servers() {
        return InteropServers.plain();
    }

    @AfterEach
    void tidy() throws IOException {
        if (onServer != null && Files.exists(onServer)) {
            try (Stream<Path> all = Files.walk(onServer)) {
                for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }

    /** The trees: the remote one in the server's folder, owned by its FTP user so that it may change it. */
    private String trees(ServerInfo s) throws IOException {
        String name = "cmp-" + Long.toHexString(System.nanoTime());
        onServer = s.onDisk(name);
        MirrorTrees.make(onServer, local.resolve("mine"));
        UserPrincipal owner = Files.getOwner(s.homeDir());
        try (Stream<Path> all = Files.walk(onServer)) {
            for (Path p : all.toList()) {
                Files.setOwner(p, owner);
            }
        }
        return name;
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void compareAtTheListingsPrecision(ServerInfo s) throws Exception {
        String tree = trees(s);
        CliRun run = CliRun.in(local, "compare", "--recursive", "--log", "compare.log", CliRun.url(s, tree), "mine");
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(MirrorTrees.COMPARE, run.out().lines().toList(), run.toString());
        String log = Files.readString(local.resolve("compare.log"));
        boolean mlsd = log.contains("->   MLSD");
        assertEquals(!s.name().startsWith("vsftpd"), mlsd, "vsftpd has no MLSD; proftpd and pure-ftpd do\n" + log);
        // compared at the listing's precision: LIST's minutes need no MDTM for the local times inside them
        assertEquals(0, MirrorTrees.sent(log, "MDTM"), log);

        // ten seconds before the listed minute: older, unless a tolerance of 30 s says maybe; then vsftpd's
        // LIST needs one MDTM to settle it, MLSD does not
        Path there = Files.createDirectories(onServer.resolve("fringe"));
        Files.writeString(there.resolve("a.txt"), "fringe");
        Files.setLastModifiedTime(there.resolve("a.txt"), FileTime.from(MirrorTrees.T0));
        Path here = Files.createDirectories(local.resolve("fringe"));
        Files.writeString(here.resolve("a.txt"), "fringe");
        Files.setLastModifiedTime(here.resolve("a.txt"), FileTime.from(MirrorTrees.T0.minusSeconds(10)));
        CliRun older = CliRun.in(local, "compare", CliRun.url(s, tree + "/fringe"), "fringe");
        assertEquals(List.of("remote newer   a.txt"), older.out().lines().toList(), older.toString());
        CliRun tolerant = CliRun.in(local, "compare", "--time-tolerance", "30", "--log", "fringe.log",
                CliRun.url(s, tree + "/fringe"), "fringe");
        assertEquals(0, tolerant.exitCode(), tolerant.toString());
        assertEquals(mlsd ? 0 : 1, MirrorTrees.sent(Files.readString(local.resolve("fringe.log")), "MDTM"));
        assertEquals(0, CliRun.in(local, "compare", CliRun.url(s, tree + "/sub"), onServer.resolve("sub").toString())
                .exitCode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void dryRunThenMirrorDownWithDelete(ServerInfo s) throws Exception {
        String tree = trees(s);
        Map<String, String> before = MirrorTrees.snapshot(local);
        Map<String, String> serverBefore = MirrorTrees.snapshot(onServer);
        CliRun dry = CliRun.in(local, "mirror", "--dry-run", "--delete", CliRun.url(s, tree), "mine");
        assertEquals(0, dry.exitCode(), dry.toString());
        assertEquals(MirrorTrees.DOWN_PLAN, MirrorTrees.plan(dry.out()), dry.toString());
        assertEquals(before, MirrorTrees.snapshot(local));
        assertEquals(serverBefore, MirrorTrees.snapshot(onServer));

        CliRun run = CliRun.in(local, "mirror", "--delete", "--log", "down.log", CliRun.url(s, tree), "mine");
        assertEquals(0, run.exitCode(), run.toString());
        String log = Files.readString(local.resolve("down.log"));
        assertEquals(5, MirrorTrees.sent(log, "RETR"), log);
        assertEquals(List.of("changed size.txt", "clash/inner.txt", "local newer.txt", "newdir/x.txt",
                "only remote 文件.txt", "remote newer.txt", "same.txt", "sub/keep.txt", "sub/深 层.txt"),
                MirrorTrees.files(local.resolve("mine")));
        assertEquals("只在服务器上", Files.readString(local.resolve("mine/only remote 文件.txt")));
        assertTrue(run.out().contains("; 3 unchanged, 1 skipped, 0 failed, 2 deleted"), run.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void dryRunThenMirrorUpWithDelete(ServerInfo s) throws Exception {
        String tree = trees(s);
        Map<String, String> serverBefore = MirrorTrees.snapshot(onServer);
        CliRun dry = CliRun.in(local, "mirror", "--reverse", "--dry-run", "--delete", "mine", CliRun.url(s, tree));
        assertEquals(0, dry.exitCode(), dry.toString());
        assertEquals(MirrorTrees.UP_PLAN, MirrorTrees.plan(dry.out()), dry.toString());
        assertEquals(serverBefore, MirrorTrees.snapshot(onServer));

        CliRun run = CliRun.in(local, "mirror", "--reverse", "--delete", "--log", "up.log", "mine", CliRun.url(s, tree));
        assertEquals(0, run.exitCode(), run.toString());
        String log = Files.readString(local.resolve("up.log"));
        assertEquals(4, MirrorTrees.sent(log, "STOR"), log);
        assertEquals(List.of("changed size.txt", "clash", "extra local.txt", "local newer.txt", "oldsub/y.txt",
                "remote newer.txt", "same.txt", "sub/keep.txt"), MirrorTrees.files(onServer));
        assertEquals("newer on this disk!", Files.readString(onServer.resolve("local newer.txt")));
    }
}
