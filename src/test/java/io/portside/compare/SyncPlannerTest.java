package io.portside.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.files.FileEntry;
import io.portside.files.LocalFiles;
import io.portside.transfer.ConflictPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison and the plans made from it, on two folders of the local disk (the window
 * compares a local pane with a remote one the same way): states, filters, both-ways sync,
 * ticking lines off.
 */
class SyncPlannerTest {
    static final Instant T = Instant.parse("2026-11-01T10:00:00Z");
    @TempDir Path tmp;

    private void write(String rel, String text, Instant time) throws Exception {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setLastModifiedTime(p, FileTime.from(time));
    }

    private ComparisonResult compare(ComparisonSettings settings) throws Exception {
        return new FolderComparer(LocalFiles.INSTANCE, LocalFiles.INSTANCE, settings)
                .compare(tmp.resolve("l").toString(), tmp.resolve("r").toString());
    }

    private static List<String> lines(SyncPlan plan) {
        return plan.actions().stream().map(a -> a.kind().words() + " " + a.path() + (a.folder() ? "/" : "")).toList();
    }

    @Test
    void bothWaysTheNewerWinsAndADifferenceWithoutANewerSideIsAConflict() throws Exception {
        write("l/new here.txt", "1", T);
        write("r/new there.txt", "22", T);
        write("l/edited here.txt", "v2", T.plusSeconds(60));
        write("r/edited here.txt", "v1", T);
        write("l/edited there.txt", "v1", T);
        write("r/edited there.txt", "v2", T.plusSeconds(60));
        write("l/both.txt", "short", T);
        write("r/both.txt", "longer", T);
        write("l/same.txt", "same", T);
        write("r/same.txt", "same", T);
        ComparisonResult c = compare(ComparisonSettings.DEFAULT);
        SyncPlan plan = SyncPlanner.plan(c, SyncDirection.BOTH, ConflictPolicy.OVERWRITE, true);

        assertEquals(List.of("skip-conflict both.txt", "upload edited here.txt", "download edited there.txt",
                "upload new here.txt", "download new there.txt"), lines(plan), "deletes nothing both ways");
        assertEquals(1, plan.unchanged());
        assertEquals(2 + 2 + 1 + 2, plan.bytes());
        SyncPlan ticked = plan.only(a -> !a.path().startsWith("new"));
        assertEquals(3, ticked.actions().size());
        assertEquals(4, ticked.bytes(), "a preview's total follows the ticks");
    }

    @Test
    void statesOfEveryKindAndAFolderDeletedAsOne() throws Exception {
        write("l/gone/a.txt", "a", T);
        write("l/gone/b.txt", "b", T);
        write("r/clash/x", "folder there", T);
        write("l/clash", "file here", T);
        write("r/size.txt", "12345", T);
        write("l/size.txt", "123", T.plusSeconds(3600));
        ComparisonResult c = compare(ComparisonSettings.DEFAULT);
        assertEquals(List.of("clash TYPE_CLASH", "gone ONLY_LOCAL", "gone/a.txt ONLY_LOCAL", "gone/b.txt ONLY_LOCAL",
                "size.txt DIFFERENT_SIZE"), c.entries().stream().map(e -> e.path() + " " + e.state()).toList());
        assertFalse(c.identical());
        assertEquals(TimeOrder.LOCAL_NEWER, c.entries().get(4).time());

        SyncPlan down = SyncPlanner.plan(c, SyncDirection.REMOTE_TO_LOCAL, ConflictPolicy.OVERWRITE, true);
        assertEquals(List.of("skip-conflict clash", "download size.txt", "delete gone/"), lines(down));
        assertEquals(5, down.bytes());
        SyncPlan newer = SyncPlanner.plan(c, SyncDirection.REMOTE_TO_LOCAL, ConflictPolicy.OVERWRITE_IF_NEWER, false);
        assertEquals(List.of("skip-conflict clash", "skip-conflict size.txt"), lines(newer),
                "the local copy is newer: --on-conflict newer keeps it");
    }

    @Test
    void theFilterLeavesOutOnBothSides() throws Exception {
        write("l/keep.txt", "1", T);
        write("l/skip.log", "1", T);
        write("r/.hidden", "1", T);
        write("r/build/out.txt", "1", T);
        write("r/big.txt", "0123456789", T);
        EntryFilter filter = new EntryFilter(List.of("*.txt", "{.hidden}"), List.of("build"), true, -1, 5);
        ComparisonResult c = compare(new ComparisonSettings(true, filter, TimeRule.DEFAULT));
        assertEquals(List.of("keep.txt"), c.entries().stream().map(EntryComparison::path).toList());
        assertTrue(new EntryFilter(List.of("docs/**/*.pdf"), List.of(), false, -1, -1)
                .accepts("docs/a/b/c.pdf", new FileEntry("c.pdf", "x", false, 1, null)));
        assertTrue(new EntryFilter(List.of("docs/**/*.pdf"), List.of(), false, -1, -1)
                .accepts("docs/c.pdf", new FileEntry("c.pdf", "x", false, 1, null)));
        assertFalse(new EntryFilter(List.of("docs/*.pdf"), List.of(), false, -1, -1)
                .accepts("docs/a/c.pdf", new FileEntry("c.pdf", "x", false, 1, null)));
        assertTrue(new EntryFilter(List.of("[!a]?.txt"), List.of(), false, -1, -1)
                .accepts("b1.txt", new FileEntry("b1.txt", "x", false, 1, null)));
    }
}
