package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.transfer.JobProgress;
import io.portside.transfer.JobState;
import io.portside.ui.queue.JobRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The queue kept across restarts, through the window: quit with a running, a paused and two
 * queued downloads; the next start shows them in the queue tab, asks the password once (the
 * queue keeps none), runs the queued ones, keeps the paused ones paused, and Resume continues
 * the cut-off download from its .part. A damaged queue file is said so in words, kept aside.
 */
class QueueRestartWindowTest extends WindowFixture {
    private byte[] big;

    @Override
    void prepare() throws Exception {
        big = new byte[3_000_000];
        new Random(5).nextBytes(big);
        Files.write(serverRoot.resolve("big.bin"), big);
        for (String name : List.of("one.txt", "two.txt", "three.txt")) {
            Files.writeString(serverRoot.resolve(name), "content of " + name);
        }
    }

    @Test
    void pausedAndQueuedJobsComeBackAndResumeFromThePart() throws Exception {
        window.transferQueue().setParallelism(1); // the .txt files wait behind big.bin
        window.transferQueue().setSpeedLimit(300_000);
        connectAndWaitForListing();
        clickOn(row("#remoteTable", "big.bin"));
        type(KeyCode.ENTER);
        // the job appears a moment after Enter (it is planned off the FX thread): wait for it, do not demand it
        waitUntil("big.bin downloading", () -> queued("big.bin") && job("big.bin").state() == JobState.RUNNING
                && job("big.bin").bytesDone() > 0);
        interact(() -> {
            TableView<?> remote = table("#remoteTable");
            remote.getSelectionModel().clearSelection();
            for (int i = 0; i < remote.getItems().size(); i++) {
                if (((io.portside.files.FileEntry) remote.getItems().get(i)).name().endsWith(".txt")) {
                    remote.getSelectionModel().select(i);
                }
            }
            remote.requestFocus();
        });
        type(KeyCode.ENTER);
        waitUntil("three more queued", () -> call(() -> window.queueRows().size()) == 4);
        queueMenu("one.txt", "Pause");
        waitUntil("one.txt paused", () -> job("one.txt").state() == JobState.PAUSED);
        waitUntil("big.bin has a part on disk", () -> size(localRoot.resolve("big.bin.part")) > 0);

        restartWindow();

        waitUntil("the queue tab shows the last run's jobs", () -> queueTableNames().containsAll(
                List.of("big.bin", "one.txt", "two.txt", "three.txt")));
        waitUntil("asked for the password the queue does not keep", () -> !lookup("#askPasswordDialog").queryAll().isEmpty());
        clickOn("#askPassword").write(server.password());
        type(KeyCode.ENTER);
        waitUntil("the queued ones ran", () -> job("two.txt").state() == JobState.DONE
                && job("three.txt").state() == JobState.DONE);
        assertTrue(lookup("#askPasswordDialog").queryAll().isEmpty(), "asked once for the site");
        assertEquals(JobState.PAUSED, job("big.bin").state(), "cut off by the quit: paused");
        assertEquals(JobState.PAUSED, job("one.txt").state(), "paused stays paused");
        assertEquals("content of two.txt", Files.readString(localRoot.resolve("two.txt")));
        long part = size(localRoot.resolve("big.bin.part"));
        assertTrue(part > 0);

        queueMenu("big.bin", "Resume");
        waitUntil("big.bin done", 30, () -> job("big.bin").state() == JobState.DONE);
        assertTrue(job("big.bin").message().startsWith("resumed at byte"), job("big.bin").message());
        queueMenu("one.txt", "Resume");
        waitUntil("one.txt done", () -> job("one.txt").state() == JobState.DONE);
        assertTrue(lookup("#askPasswordDialog").queryAll().isEmpty(), "still asked only once");

        assertArrayEquals(big, Files.readAllBytes(localRoot.resolve("big.bin")));
        assertEquals("content of one.txt", Files.readString(localRoot.resolve("one.txt")));
        try (Stream<Path> files = Files.list(localRoot)) {
            assertEquals(List.of("big.bin", "one.txt", "three.txt", "two.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "nothing orphaned");
        }
        assertFalse(Files.readString(configDir().resolve("queue.json")).contains(server.password()));
    }

    @Test
    void aRestoredJobResumedWhileConnectedToItsSiteUsesThatConnectionsPasswordAndIsWordedInChinese() throws Exception {
        window.transferQueue().setSpeedLimit(300_000);
        connectAndWaitForListing();
        clickOn(row("#remoteTable", "big.bin"));
        type(KeyCode.ENTER);
        waitUntil("big.bin downloading", () -> queued("big.bin") && job("big.bin").bytesDone() > 0);

        restartWindow(() -> { // the user chose Chinese before quitting
            Path file = configDir().resolve("settings.json");
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
            json.writeValue(file.toFile(), tree.put("language", "zh_CN"));
        });

        waitUntil("big.bin back, paused", () -> queued("big.bin") && job("big.bin").state() == JobState.PAUSED);
        assertEquals("队列关闭时已暂停", call(() -> lookup("#queueTable .table-row-cell").queryAll().stream()
                .flatMap(r -> r.lookupAll(".table-cell").stream()).map(c -> ((javafx.scene.control.Labeled) c).getText())
                .filter("队列关闭时已暂停"::equals).findFirst().orElse("")), "the cut-off job's message, in the window's language");
        connectAndWaitForListing(); // the user logs in to the same site, typing the password
        queueMenu("big.bin", "继续");
        waitUntil("big.bin done", 30, () -> job("big.bin").state() == JobState.DONE);
        assertTrue(lookup("#askPasswordDialog").queryAll().isEmpty(), "the connection's password was used, not asked for");
        assertArrayEquals(big, Files.readAllBytes(localRoot.resolve("big.bin")));
    }

    @Test
    void aDamagedQueueFileIsSaidInWordsAndKeptAside() throws Exception {
        restartWindow(() -> Files.writeString(configDir().resolve("queue.json"), "{\"version\":1,\"jobs\":[{\"dir"));
        waitUntil("the error is shown", () -> !lookup("#errorDialog").queryAll().isEmpty());
        DialogPane dialog = lookup("#errorDialog").query();
        String header = call(dialog::getHeaderText);
        String content = call(dialog::getContentText);
        assertEquals("The saved transfer queue was not restored; the queue starts empty", header);
        assertTrue(content.startsWith("It cannot be read:"), content);
        assertTrue(content.contains("queue.json.damaged-"), content);
        try (Stream<Path> files = Files.list(configDir())) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("queue.json.damaged-")).findFirst()
                    .orElseThrow();
            assertTrue(Files.readString(aside).startsWith("{\"version\":1,\"jobs\""), "kept as it was");
        }
        String status = call(() -> lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class).getText());
        assertTrue(status.startsWith("The saved transfer queue was not restored"), status);
        clickOn(dialog.lookupButton(javafx.scene.control.ButtonType.OK));
        connectAndWaitForListing(); // the window works
    }

    private boolean queued(String name) {
        return call(() -> window.queueRows().stream().anyMatch(j -> j.localPath().endsWith(name)));
    }

    private JobProgress job(String name) {
        return call(() -> window.queueRows().stream().filter(j -> j.localPath().endsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in the queue: " + window.queueRows())));
    }

    private List<String> queueTableNames() {
        return call(() -> this.<JobRow>table("#queueTable").getItems().stream()
                .map(r -> Path.of(r.progress().localPath()).getFileName().toString()).toList());
    }

    /** Selects the job's row in the queue tab, opens the tab's context menu and clicks an item. */
    private void queueMenu(String name, String item) {
        interact(() -> {
            TableView<JobRow> t = table("#queueTable");
            for (int i = 0; i < t.getItems().size(); i++) {
                if (t.getItems().get(i).progress().localPath().endsWith(name)) {
                    t.getSelectionModel().clearAndSelect(i);
                    t.scrollTo(i);
                }
            }
            javafx.geometry.Bounds b = t.localToScreen(t.getLayoutBounds());
            // Monocle sends no context-menu request after a right click (see ContextMenuTest): shown here instead
            t.getContextMenu().show(t, b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        });
        assertEquals(List.of(name), call(() -> this.<JobRow>table("#queueTable").getSelectionModel().getSelectedItems()
                .stream().map(r -> Path.of(r.progress().localPath()).getFileName().toString()).toList()));
        clickOn(item);
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
