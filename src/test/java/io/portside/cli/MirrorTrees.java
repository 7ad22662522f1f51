package io.portside.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test helper: a remote tree (on the disk a server serves) and a local tree that differ in
 * every way compare and mirror tell apart, with times set on disk, and what each command must
 * print for them. Names with spaces and Chinese characters; a file on the server where the
 * local side has a folder.
 */
final class MirrorTrees {
    /** Two hours ago on a whole minute, so that a LIST time to the minute is exactly right. */
    static final Instant T0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    static final Instant LATER = T0.plus(1, ChronoUnit.HOURS);

    private MirrorTrees() {
    }

    static void make(Path remote, Path local) throws IOException {
        write(remote, "same.txt", "same", T0);
        write(local, "same.txt", "same", T0);
        write(remote, "changed size.txt", "the longer remote text", T0);
        write(local, "changed size.txt", "short", T0);
        write(remote, "remote newer.txt", "newer on the server", LATER);
        write(local, "remote newer.txt", "older on this disk!", T0);
        write(remote, "local newer.txt", "older on the server", T0);
        write(local, "local newer.txt", "newer on this disk!", LATER);
        write(remote, "only remote 文件.txt", "只在服务器上", T0);
        write(remote, "sub/深 层.txt", "deep", T0);
        write(local, "sub/keep.txt", "kept", T0);
        write(remote, "sub/keep.txt", "kept", T0);
        write(remote, "newdir/x.txt", "new folder's file", T0);
        write(remote, "clash", "a file on the server", T0);
        write(local, "clash/inner.txt", "a folder here", T0);
        write(local, "extra local.txt", "only here", T0);
        write(local, "oldsub/y.txt", "only here, in a folder", T0);
    }

    /** What {@code compare --recursive} prints. */
    static final List<String> COMPARE = List.of(
            "different size changed size.txt",
            "type clash     clash",
            "only local     extra local.txt",
            "local newer    local newer.txt",
            "only remote    newdir/",
            "only remote    newdir/x.txt",
            "only local     oldsub/",
            "only local     oldsub/y.txt",
            "only remote    only remote 文件.txt",
            "remote newer   remote newer.txt",
            "only remote    sub/深 层.txt");

    /** What {@code mirror --dry-run --delete URL LOCALDIR} plans. */
    static final List<String> DOWN_PLAN = List.of(
            "download      changed size.txt",
            "skip-conflict clash  (type clash)",
            "download      newdir/",
            "download      newdir/x.txt",
            "download      only remote 文件.txt",
            "download      remote newer.txt",
            "download      sub/深 层.txt",
            "delete        extra local.txt",
            "delete        oldsub/");

    /** What {@code mirror --dry-run --delete --reverse LOCALDIR URL} plans. */
    static final List<String> UP_PLAN = List.of(
            "upload        changed size.txt",
            "skip-conflict clash  (type clash)",
            "upload        extra local.txt",
            "upload        local newer.txt",
            "upload        oldsub/",
            "upload        oldsub/y.txt",
            "delete        newdir/",
            "delete        only remote 文件.txt",
            "delete        sub/深 层.txt");

    /** The plan lines of a mirror's output (the summary line left out). */
    static List<String> plan(String out) {
        return out.lines().filter(l -> l.matches("^(download|upload|delete|skip-conflict) .*")).toList();
    }

    /** How many times the log shows the command sent ("RETR", "STOR"). */
    static long sent(String log, String command) {
        return log.lines().filter(l -> l.contains("->   " + command + " ")).count();
    }

    /** Every file and folder below {@code root}: its content's SHA-256 (or "folder") and time. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String what = Files.isDirectory(p) ? "folder" : sha256(Files.readAllBytes(p));
                out.put(root.relativize(p).toString(), what + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    /** The files (not folders) below {@code root}, relative, sorted. */
    static List<String> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static void write(Path root, String rel, String text, Instant time) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(p, FileTime.from(time));
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
