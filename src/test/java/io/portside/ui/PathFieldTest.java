package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.transfer.JobProgress;
import io.portside.ui.pane.FilePane;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The path field, the breadcrumb and the listing always agree, on both panes, under the input
 * that broke them: type a path, Enter, Tab, click into the list. Enter navigates once, focus
 * loss never navigates, Escape restores, a refused path keeps the listing and says why, and a
 * transfer goes to the folder that is listed.
 */
class PathFieldTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        Files.createDirectories(localRoot.resolve("Downloads"));
        Files.writeString(localRoot.resolve("Downloads/a.txt"), "a\n");
        Files.createDirectories(localRoot.resolve("Documents"));
        Files.writeString(localRoot.resolve("Documents/report.txt"), "report\n");
        Files.createDirectories(serverRoot.resolve("pub"));
        Files.writeString(serverRoot.resolve("pub/readme.txt"), "readme\n");
        Files.writeString(serverRoot.resolve("hello.txt"), "hello\n");
        Files.createDirectories(serverRoot.resolve("empty"));
    }

    @Test
    void anEmptyRemoteFolderSaysItIsEmptyNotNotConnected() {
        connectAndWaitForListing();
        typePath("#remotePath", "/empty");
        type(KeyCode.ENTER);
        waitUntil("/empty listed", () -> "/empty".equals(call(() -> window.panes().remote().model().folder().get())));
        assertEquals("This folder is empty", call(() -> ((Label) this.table("#remoteTable").getPlaceholder()).getText()));
    }

    @Test
    void localPathFieldNavigatesOnceAndAgreesWithTheListing() {
        connectAndWaitForListing();
        String docs = localRoot.resolve("Documents").toString();
        List<String> visited = recordFolders(window.panes().local());

        typePath("#localPath", docs);
        type(KeyCode.ENTER);
        waitUntil("Documents listed", () -> listed("#localTable", "report.txt"));
        assertAgree("local", docs, "Documents");

        // focus loss and a click into the list do not navigate (they went back to the old folder)
        type(KeyCode.TAB);
        clickOn(row("#localTable", "report.txt"));
        settle();
        assertAgree("local", docs, "Documents");
        assertEquals(List.of(docs), visited, "Enter navigated exactly once");

        // Escape puts the listed folder back into the field
        typePath("#localPath", localRoot.resolve("Downloads").toString());
        type(KeyCode.ESCAPE);
        assertEquals(docs, fieldText("#localPath"));
        type(KeyCode.TAB);
        settle();
        assertAgree("local", docs, "Documents");

        // a refused path keeps the listing and says why
        typePath("#localPath", localRoot.resolve("missing").toString());
        type(KeyCode.ENTER);
        waitUntil("the pane says why", () -> statusText("#localStatus").contains("does not exist"));
        assertAgree("local", docs, "Documents");
        assertTrue(listed("#localTable", "report.txt"));
        assertEquals(List.of(docs), visited);

        // a download goes to the folder listed
        clickOn(row("#remoteTable", "hello.txt"));
        clickOn("#remoteTransfer");
        waitUntil("downloaded into Documents", () -> Files.exists(localRoot.resolve("Documents/hello.txt")));
        assertEquals(localRoot.resolve("Documents/hello.txt").toString(), queued("hello.txt").localPath());
    }

    @Test
    void aRefreshOfTheListedFolderKeepsItInThePathField() throws Exception {
        connectAndWaitForListing();
        String docs = localRoot.resolve("Documents").toString();
        typePath("#localPath", docs);
        type(KeyCode.ENTER);
        waitUntil("Documents listed", () -> listed("#localTable", "report.txt"));

        // re-listing the same folder moves it to the top of the field's drop-down: the field went empty
        Files.writeString(localRoot.resolve("Documents/new.txt"), "new\n");
        clickOn(row("#localTable", "report.txt"));
        type(KeyCode.F5);
        waitUntil("Documents listed again", () -> listed("#localTable", "new.txt"));
        settle();
        assertAgree("local", docs, "Documents");
    }

    @Test
    void remotePathFieldNavigatesOnceAndUploadsGoWhereListed() {
        connectAndWaitForListing();
        List<String> visited = recordFolders(window.panes().remote());

        typePath("#remotePath", "/pub");
        type(KeyCode.ENTER);
        waitUntil("/pub listed", () -> listed("#remoteTable", "readme.txt"));
        assertAgree("remote", "/pub", "pub");
        type(KeyCode.TAB);
        clickOn(row("#remoteTable", "readme.txt"));
        settle();
        assertAgree("remote", "/pub", "pub");
        assertEquals(List.of("/pub"), visited, "Enter navigated exactly once");

        typePath("#remotePath", "/nowhere");
        type(KeyCode.ENTER);
        waitUntil("the pane says why", () -> statusText("#remoteStatus").contains("/nowhere"));
        assertAgree("remote", "/pub", "pub");
        assertTrue(listed("#remoteTable", "readme.txt"));

        // an upload dropped on the pane goes to the folder listed
        drag(row("#localTable", "Documents")).dropTo("#remoteTable");
        waitUntil("uploaded into /pub", () -> Files.exists(serverRoot.resolve("pub/Documents/report.txt")));
        assertEquals("/pub/Documents", queued("Documents").remotePath());
        assertEquals(List.of("/pub"), visited.subList(0, 1));
    }

    /** A listing that arrives after the user went elsewhere does not replace what they now see. */
    @Test
    void aLateListingNeverReplacesTheFolderTheUserMovedTo() throws Exception {
        var model = call(() -> window.panes().local().model());
        String docs = localRoot.resolve("Documents").toString();
        String downloads = localRoot.resolve("Downloads").toString();
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        // the local worker is busy with a slow Documents listing when Downloads is asked for
        interact(() -> model.open(docs));
        interact(() -> model.perform(() -> {
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        interact(() -> model.open(downloads));
        hold.countDown();
        waitUntil("Downloads listed", () -> listed("#localTable", "a.txt"));
        settle();
        assertAgree("local", downloads, "Downloads");
    }

    private List<String> recordFolders(FilePane pane) {
        List<String> visited = new CopyOnWriteArrayList<>();
        interact(() -> pane.model().folder().addListener((o, a, now) -> visited.add(now)));
        return visited;
    }

    private void typePath(String field, String path) {
        clickOn(field + " .text-field");
        push(KeyCode.CONTROL, KeyCode.A);
        write(path);
    }

    private void assertAgree(String pane, String folder, String lastCrumb) {
        assertEquals(folder, call(() -> window.panes().pane(pane).model().folder().get()), "the folder listed");
        assertEquals(folder, fieldText("#" + pane + "Path"), "the path field");
        assertEquals(lastCrumb, call(() -> {
            HBox crumbs = lookup("#" + pane + "Crumbs").query();
            List<Button> buttons = crumbs.getChildren().stream().filter(Button.class::isInstance)
                    .map(Button.class::cast).toList();
            return buttons.get(buttons.size() - 1).getText();
        }), "the breadcrumb");
    }

    private String fieldText(String id) {
        return call(() -> ((ComboBox<?>) lookup(id).query()).getEditor().getText());
    }

    private String statusText(String id) {
        return call(() -> ((Label) lookup(id).query()).getText());
    }

    /** The queue's row for {@code name}; rows reach the window in batches, a moment after the work. */
    private JobProgress queued(String name) {
        waitUntil("the queue shows " + name, () -> queueRow(name).isPresent());
        return queueRow(name).orElseThrow();
    }

    private java.util.Optional<JobProgress> queueRow(String name) {
        return call(() -> window.queueRows().stream().filter(p -> p.job().source().endsWith("/" + name)).findFirst());
    }

    /** Long enough for a late listing or a delayed focus commit to have happened. */
    private static void settle() {
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
