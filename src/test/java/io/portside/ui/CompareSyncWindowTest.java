package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.files.FileEntry;
import io.portside.transfer.JobState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * View › Directory comparison, View › Synchronized browsing and Files › Synchronize…, driven
 * as a user would: the rows' colours and the legend, the filter, a folder followed and a missing
 * one offered, and a previewed sync that queues exactly its ticked lines and changes nothing before.
 */
class CompareSyncWindowTest extends WindowFixture {
    private static final Instant OLD = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant NEW = Instant.parse("2026-11-20T10:00:00Z");

    @Override
    void prepare() throws Exception {
        file(serverRoot.resolve("same.txt"), "abc", OLD);
        file(localRoot.resolve("same.txt"), "abc", OLD);
        file(serverRoot.resolve("big.txt"), "on the server, longer", OLD);
        file(localRoot.resolve("big.txt"), "short", OLD);
        file(serverRoot.resolve("fresh.txt"), "xyz", NEW); // same size, newer on the server
        file(localRoot.resolve("fresh.txt"), "xy!", OLD);
        file(serverRoot.resolve("only-remote 远程.txt"), "r", OLD);
        file(localRoot.resolve("only local.txt"), "l", OLD);
        Files.createDirectories(serverRoot.resolve("clash"));
        file(localRoot.resolve("clash"), "a file here", OLD);
        Files.createDirectories(serverRoot.resolve("docs"));
        Files.createDirectories(localRoot.resolve("docs"));
        Files.createDirectories(localRoot.resolve("onlylocal"));
        Files.createDirectories(localRoot.resolve("declined"));
    }

    private static void file(Path p, String content, Instant t) throws Exception {
        Files.writeString(p, content);
        Files.setLastModifiedTime(p, FileTime.from(t));
    }

    private Set<String> marks(String table, String name) {
        return call(() -> {
            Node row = rowShowing(table, name);
            return row.getPseudoClassStates().stream().map(PseudoClass::getPseudoClassName)
                    .filter(c -> c.startsWith("cmp-")).collect(Collectors.toCollection(TreeSet::new));
        });
    }

    /** The window's short date and time in English (the fixture's language), e.g. "1/2/26, 3:04 PM". */
    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
            .ofLocalizedDateTime(java.time.format.FormatStyle.SHORT).withLocale(java.util.Locale.ENGLISH);

    /** The text of the Modified cell in the row showing {@code name}. */
    private String modifiedCell(String table, String name) {
        return call(() -> rowShowing(table, name).lookupAll(".table-cell").stream()
                .map(c -> (javafx.scene.control.TableCell<?, ?>) c)
                .filter(c -> "modified".equals(c.getTableColumn().getId())).map(javafx.scene.control.TableCell::getText)
                .findFirst().orElseThrow());
    }

    private List<String> names(String table) {
        return call(() -> this.<FileEntry>table(table).getItems().stream().map(FileEntry::name).toList());
    }

    private String legend(String mark) {
        return call(() -> ((Label) lookup("#legend-" + mark).query()).getText());
    }

    private String path(String id) {
        return call(() -> ((ComboBox<?>) lookup(id).query()).getEditor().getText());
    }

    @Test
    void theComparisonColoursBothPanesAndCanShowOnlyTheDifferences() {
        connectAndWaitForListing();
        assertFalse(call(() -> lookup("#comparisonLegend").query().isVisible()), "no legend while off");
        push(KeyCode.CONTROL, KeyCode.O);
        waitUntil("compared", () -> call(() -> lookup("#legend-cmp-size").tryQuery().isPresent())
                && legend("cmp-size").equals("different size (1)"));
        assertEquals("only on one side (4)", legend("cmp-only"), "two files and two folders");
        assertEquals("newer (1)", legend("cmp-newer"));
        assertEquals("file vs folder (1)", legend("cmp-clash"));

        assertEquals(Set.of("cmp-size"), marks("#localTable", "big.txt"));
        assertEquals(Set.of("cmp-size"), marks("#remoteTable", "big.txt"));
        assertEquals(Set.of("cmp-newer"), marks("#remoteTable", "fresh.txt"), "the newer side is marked");
        assertEquals(Set.of(), marks("#localTable", "fresh.txt"));
        assertEquals(Set.of("cmp-only"), marks("#localTable", "only local.txt"));
        assertEquals(Set.of("cmp-only"), marks("#remoteTable", "only-remote 远程.txt"));
        assertEquals(Set.of("cmp-clash"), marks("#localTable", "clash"));
        assertEquals(Set.of("cmp-clash"), marks("#remoteTable", "clash"));
        assertEquals(Set.of(), marks("#localTable", "same.txt"));

        clickOn("View");
        clickOn((Node) call(() -> lookup(".context-menu .label")
                .match(n -> n instanceof Label l && "Show only differences".equals(l.getText())).query()));
        waitUntil("identical files hidden: " + names("#localTable"), () -> !listed("#localTable", "same.txt"));
        assertEquals(List.of("docs", "onlylocal", "declined", "big.txt", "clash", "fresh.txt", "only local.txt")
                .stream().sorted().toList(), names("#localTable").stream().sorted().toList(),
                "folders stay (to move through the tree), and a file whose counterpart is newer is a difference");
        assertFalse(listed("#remoteTable", "same.txt"));

        clickOn("View");
        clickOn("Compare by");
        // the menu's own "Size" (a column header says "Size" too)
        clickOn((Node) call(() -> lookup(".context-menu .label").match(n -> n instanceof Label l && "Size".equals(l.getText()))
                .query()));
        waitUntil("by size, a newer time is no difference", () -> legend("cmp-newer").equals("newer (0)"));
        assertFalse(listed("#remoteTable", "fresh.txt"), "same size: hidden among the identical ones");
        assertEquals(Set.of("cmp-size"), marks("#remoteTable", "big.txt"));

        push(KeyCode.CONTROL, KeyCode.O);
        waitUntil("off: every file listed, no colours", () -> listed("#localTable", "same.txt"));
        assertEquals(Set.of(), marks("#localTable", "big.txt"));
        assertFalse(call(() -> lookup("#comparisonLegend").query().isVisible()));
    }

    @Test
    void synchronizedBrowsingFollowsBothWaysAndOffersAMissingFolder() throws Exception {
        connectAndWaitForListing();
        String root = path("#localPath");
        push(KeyCode.CONTROL, KeyCode.Y);
        doubleClickOn(row("#localTable", "docs"));
        waitUntil("the server pane follows into docs", () -> path("#remotePath").equals("/docs"));
        assertEquals(root + java.io.File.separator + "docs", path("#localPath"));

        clickOn("#remoteTable");
        type(KeyCode.BACK_SPACE);
        waitUntil("the local pane follows the server pane up: " + path("#localPath"),
                () -> path("#localPath").equals(root) && path("#remotePath").equals("/"));

        doubleClickOn(row("#localTable", "onlylocal"));
        waitUntil("asked whether to make the missing folder", () -> !lookup("#syncBrowseMissing").queryAll().isEmpty());
        assertFalse(Files.exists(serverRoot.resolve("onlylocal")), "never made without asking");
        clickOn("Make the folder");
        waitUntil("made and opened on the server", () -> path("#remotePath").equals("/onlylocal"));
        assertTrue(Files.isDirectory(serverRoot.resolve("onlylocal")));

        clickOn("#localTable");
        type(KeyCode.BACK_SPACE);
        waitUntil("both back at the top", () -> path("#remotePath").equals("/") && path("#localPath").equals(root));
        doubleClickOn(row("#localTable", "declined"));
        waitUntil("asked again", () -> !lookup("#syncBrowseMissing").queryAll().isEmpty());
        clickOn("Turn synchronized browsing off");
        waitUntil("the status line says it is off", () -> call(() -> lookup("#statusBar")
                .queryAs(org.controlsfx.control.StatusBar.class).getText())
                .contains("Synchronized browsing is off"));
        assertFalse(Files.exists(serverRoot.resolve("declined")), "declined: nothing made");
        assertEquals("/", path("#remotePath"), "the server pane stays where it was");
        clickOn("#localTable");
        type(KeyCode.BACK_SPACE);
        waitUntil("the local pane moves alone now", () -> path("#localPath").equals(root));
        Thread.sleep(300);
        assertEquals("/", path("#remotePath"));
    }

    @Test
    void aSavedSitesServerTimeOffsetAndTheSizeLimitsChooseWhatDiffers() throws Exception {
        push(KeyCode.CONTROL, KeyCode.S);
        waitUntil("site manager open", () -> !lookup("#siteManager").queryAll().isEmpty());
        assertEquals("Passive mode (PASV/EPSV)", call(() -> lookup("#siteMode .label").queryLabeled().getText()),
                "the mode in words, not the enum's name");
        clickOn("#siteName").write("Two hours ahead");
        clickOn("#siteHost").write(server.host());
        interact(() -> lookup("#sitePort").queryTextInputControl().setText(String.valueOf(server.port())));
        clickOn("#siteUser").write(server.user());
        clickOn("#sitePasswordSave"); // not stored: no master password to make
        clickOn((Node) call(() -> lookup("#siteTimeOffset .text-field").query()));
        push(KeyCode.CONTROL, KeyCode.A);
        write("120");
        clickOn("#siteSave");
        waitUntil("saved with its offset", () -> window.sites().find("Two hours ahead")
                .map(p -> p.timeOffsetMinutes() == 120).orElse(false));
        clickOn("#siteConnect");
        waitUntil("asked for the password", () -> !lookup("#askPassword").queryAll().isEmpty());
        clickOn("#askPassword").write(server.password()).type(KeyCode.ENTER);
        waitUntil("connected", () -> listed("#remoteTable", "same.txt"));
        // both listed at the same time; the remote pane shows the server's two hours later, as FileZilla does
        waitUntil("local same.txt listed", () -> listed("#localTable", "same.txt"));
        java.time.LocalDateTime local = java.time.LocalDateTime.parse(modifiedCell("#localTable", "same.txt"), SHOWN);
        assertEquals(local.plusHours(2), java.time.LocalDateTime.parse(modifiedCell("#remoteTable", "same.txt"), SHOWN));

        push(KeyCode.CONTROL, KeyCode.O);
        // read two hours later, the server's same.txt is newer than the local one of the same time
        waitUntil("compared with the site's offset", () -> call(() -> lookup("#legend-cmp-newer").tryQuery().isPresent())
                && legend("cmp-newer").equals("newer (2)"));
        assertEquals(Set.of("cmp-newer"), marks("#remoteTable", "same.txt"));

        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Y);
        waitUntil("the synchronize dialog", () -> !lookup("#syncDialog").queryAll().isEmpty());
        assertEquals("120", call(() -> lookup("#syncOffset .text-field").queryTextInputControl().getText()));
        clickOn("#syncMinSize").write("lots");
        assertTrue(call(() -> lookup("#syncCompare").query().isDisabled()), "no comparison with a size that is none");
        assertTrue(call(() -> ((Label) lookup("#syncSummary").query()).getText()).startsWith("A size limit is not a size"));
        push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        clickOn("#syncMaxSize").write("2");
        clickOn("#syncCompare");
        waitUntil("the preview", () -> !call(() -> lookup("#syncPreview").queryAs(TableView.class).getItems().isEmpty()));
        List<String> lines = call(() -> lookup("#syncPreview").queryAs(TableView.class).getItems().stream()
                .map(o -> ((io.portside.ui.compare.SyncViewModel.Line) o).action().path()).toList());
        // at most 2 bytes: the one-byte files and the folders; big.txt, clash and the 3-byte ones are left out
        assertEquals(List.of("declined", "only local.txt", "onlylocal"), lines);

        // downloading, same.txt comes: listed at the local file's time, it is two hours later as the site reads it
        clickOn("#syncMaxSize").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        clickOn("#sync-remote_to_local");
        clickOn("#syncCompare");
        waitUntil("same.txt in the preview", () -> call(() -> lookup("#syncPreview").queryAs(TableView.class).getItems()
                .stream().anyMatch(o -> ((io.portside.ui.compare.SyncViewModel.Line) o).action().path().equals("same.txt"))));
        List<String> sides = call(() -> {
            TableView<?> t = lookup("#syncPreview").queryAs(TableView.class);
            int row = t.getItems().stream().map(o -> ((io.portside.ui.compare.SyncViewModel.Line) o).action().path())
                    .toList().indexOf("same.txt");
            return t.getColumns().stream().filter(c -> "syncLocal".equals(c.getId()) || "syncRemote".equals(c.getId()))
                    .map(c -> String.valueOf(c.getCellData(row))).toList();
        });
        assertFalse(sides.get(0).equals(sides.get(1)), "the server's time shown as compared: " + sides);
        push(KeyCode.ESCAPE);
    }

    @Test
    void synchronizeShowsAPreviewAndQueuesExactlyTheTickedLines() throws Exception {
        connectAndWaitForListing();
        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Y);
        waitUntil("the synchronize dialog", () -> !lookup("#syncDialog").queryAll().isEmpty());
        clickOn("#syncDelete");
        clickOn("#syncCompare");
        waitUntil("the preview", () -> !call(() -> lookup("#syncPreview").queryAs(TableView.class).getItems().isEmpty()));
        List<String> lines = call(() -> {
            TableView<?> t = lookup("#syncPreview").queryAs(TableView.class);
            return t.getItems().stream().map(o -> {
                var line = (io.portside.ui.compare.SyncViewModel.Line) o;
                return line.action().kind().words() + " " + line.action().path() + (line.ticked().get() ? "" : " (unticked)");
            }).toList();
        });
        // fresh.txt is newer on the server: a local -> server sync leaves it (and counts it unchanged)
        assertEquals(List.of("upload big.txt", "skip-conflict clash (unticked)", "upload declined",
                "upload only local.txt", "upload onlylocal", "delete only-remote 远程.txt"), lines);
        assertTrue(Files.exists(serverRoot.resolve("only-remote 远程.txt")), "a preview deletes nothing");
        assertFalse(Files.exists(serverRoot.resolve("only local.txt")), "a preview uploads nothing");

        // the user unticks one upload
        Node unticked = call(() -> lookup("#syncPreview .table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.getItem() instanceof io.portside.ui.compare.SyncViewModel.Line l
                && l.action().path().equals("only local.txt")).query());
        clickOn(call(() -> unticked.lookup(".check-box")));
        waitUntil("the totals follow the ticks: " + call(() -> ((Label) lookup("#syncSummary").query()).getText()),
                () -> call(() -> ((Label) lookup("#syncSummary").query()).getText())
                .startsWith("Ticked: 1 upload, 0 downloads"));
        String summary = call(() -> ((Label) lookup("#syncSummary").query()).getText());
        assertTrue(summary.contains("1 delete") && summary.contains("1 conflict"), summary);

        clickOn("#syncQueue");
        waitUntil("the queue ran the ticked lines", () -> window.queueRows().size() == 2
                && window.queueRows().stream().allMatch(j -> j.state() == JobState.DONE));
        waitUntil("the status line no longer says what was queued", () -> call(() -> lookup("#statusBar")
                .queryAs(org.controlsfx.control.StatusBar.class).getText())
                .equals("The queue has finished: nothing left to transfer."));
        assertEquals("short", Files.readString(serverRoot.resolve("big.txt")));
        assertFalse(Files.exists(serverRoot.resolve("only local.txt")), "the unticked line did not run");
        assertTrue(Files.isDirectory(serverRoot.resolve("onlylocal")), "a new folder is made");
        assertTrue(Files.isDirectory(serverRoot.resolve("declined")));
        assertFalse(Files.exists(serverRoot.resolve("only-remote 远程.txt")), "the ticked delete ran");
        assertEquals("xyz", Files.readString(serverRoot.resolve("fresh.txt")), "the server's newer file is kept");
        assertTrue(Files.isDirectory(serverRoot.resolve("clash")), "a conflict is never run");
        assertEquals("a file here", Files.readString(localRoot.resolve("clash")));
        String log = logText();
        assertEquals(1, log.split("STOR ", -1).length - 1, "exactly the one ticked upload: " + log);
        assertTrue(window.queueRows().stream().anyMatch(j -> j.job().deletes()
                && j.remotePath().endsWith("only-remote 远程.txt")), "the delete is a queue row of its own");
    }
}
