package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Renders the real window in realistic states and writes PNGs: to target/screenshots, or to
 * the folder named by {@code -Dportside.screenshots=screenshots} (what the README shows).
 * Also the end-to-end check of File › Start built-in test server.
 */
class ScreenshotsTest extends WindowFixture {
    /**
     * A user's home as the README's pictures show it, instead of the test's /tmp/junit-... folder:
     * made when it can be (CI runs as root) and nothing is there yet, and removed afterwards.
     */
    private static final Path DEMO_HOME = Path.of("/home/demo");
    private static boolean demoHome;
    Path out;

    @org.junit.jupiter.api.BeforeAll
    static void makeDemoHome() {
        try {
            demoHome = !Files.exists(DEMO_HOME) && Files.createDirectories(DEMO_HOME) != null;
        } catch (java.io.IOException e) {
            demoHome = false;
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void removeDemoHome() throws java.io.IOException {
        if (demoHome) {
            try (var walk = Files.walk(DEMO_HOME)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    Path localFolder() {
        return demoHome ? DEMO_HOME.resolve("Documents") : super.localFolder();
    }

    @Override
    Path sandbox() {
        return demoHome ? DEMO_HOME.resolve(".config/portside/sandbox") : super.sandbox();
    }

    @Override
    void prepare() throws Exception {
        out = Path.of(System.getProperty("portside.screenshots", "target/screenshots"));
        Files.createDirectories(out);
        Files.createDirectories(localRoot.resolve("projects/website"));
        Files.createDirectories(localRoot.resolve("photos"));
        Files.writeString(localRoot.resolve("notes.txt"), "shopping list\n");
        Files.writeString(localRoot.resolve("projects/website/index.html"), "<h1>hello</h1>\n");
        byte[] video = new byte[6_000_000];
        new Random(5).nextBytes(video);
        Files.write(localRoot.resolve("holiday-video.mp4"), video);
        Files.write(localRoot.resolve("report.pdf"), new byte[180_000]);
    }

    @Test
    void renderTheWindowInRealisticStates() throws Exception {
        // The newcomer's path: File › Start built-in test server fills the bar and connects.
        clickOn("#menuBar .menu");
        clickOn("Start built-in test server");
        waitUntil("connected to the built-in server", 30, () -> listed("#remoteTable", "README.txt"));
        assertTrue(lookup("#host").queryTextInputControl().getText().equals("127.0.0.1"));
        assertTrue(lookup("#statusState").queryLabeled().getText().equals("Connected"));

        // A passive download, then switch to active and upload a big file slowly: a transfer running.
        clickOn(row("#remoteTable", "archive.zip"));
        type(KeyCode.ENTER);
        waitUntil("archive downloaded", () -> listed("#localTable", "archive.zip"));
        clickOn("#modeActive");
        window.transferQueue().setSpeedLimit(1_500_000);
        drag(row("#localTable", "holiday-video.mp4"), MouseButton.PRIMARY).dropTo("#remoteTable");
        waitUntil("upload running", () -> call(() -> window.queueRows().stream()
                .anyMatch(j -> j.state().name().equals("RUNNING") && j.bytesDone() > 1_000_000)));
        interact(() -> table("#localTable").getSelectionModel().clearAndSelect(0));
        shoot(stage.getScene(), "main-window.png");
        interact(() -> lookup("#mainSplit").queryAs(javafx.scene.control.SplitPane.class).setDividerPositions(0.3));
        shoot(stage.getScene(), "queue.png");
        interact(() -> lookup("#mainSplit").queryAs(javafx.scene.control.SplitPane.class).setDividerPositions(0.58));

        // The log tab with the passive download and the active upload.
        interact(() -> lookup("#bottomTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        interact(() -> {
            var log = lookup("#protocolLog").queryListView();
            log.getItems();
        });
        waitUntil("active handshake logged", () -> logText().contains("we listen on 127.0.0.1:"));
        interact(() -> lookup("#mainSplit").queryAs(javafx.scene.control.SplitPane.class).setDividerPositions(0.3));
        interact(() -> window.showLogNewest());
        org.testfx.util.WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        shoot(stage.getScene(), "protocol-log.png");

        // The handshake diagram tab draws the browse connection.
        interact(() -> lookup("#bottomTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        assertTrue(!lookup(".scroll-pane").match(n -> n instanceof io.portside.ui.diagram.DiagramView).queryAll().isEmpty());
        interact(() -> lookup("#mainSplit").queryAs(javafx.scene.control.SplitPane.class).setDividerPositions(0.58));
        interact(() -> window.transferQueue().setSpeedLimit(0));
        waitUntil("upload done", 30, () -> call(() -> window.queueRows().stream()
                .allMatch(j -> j.state().name().equals("DONE"))));

        // Site manager with two sites.
        window.sites().save(new io.portside.sites.SiteProfile("Company web server", io.portside.ftp.Protocol.FTPES,
                "ftp.example.com", 21, "deploy", io.portside.sites.PasswordMode.NOT_STORED, io.portside.ftp.DataMode.PASSIVE,
                io.portside.ftp.ExtendedMode.AUTO, "/var/www", null, "UTF-8", 0), null);
        window.sites().save(new io.portside.sites.SiteProfile("Mirror (archive)", io.portside.ftp.Protocol.FTP,
                "mirror.example.org", 21, "", io.portside.sites.PasswordMode.NOT_STORED, io.portside.ftp.DataMode.PASSIVE,
                io.portside.ftp.ExtendedMode.ALWAYS, "/pub", null, "UTF-8", 0), null);
        press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil("site manager open", () -> !lookup("#siteManager").queryAll().isEmpty());
        shoot(lookup("#siteManager").query().getScene(), "site-manager.png");
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil("site manager closed", () -> lookup("#siteManager").queryAll().isEmpty());

        // The conflict dialog: upload notes.txt twice.
        clickOn(row("#localTable", "notes.txt"));
        type(KeyCode.ENTER);
        try {
            waitUntil("first upload done", () -> listed("#remoteTable", "notes.txt"));
        } catch (AssertionError e) {
            System.out.println("jobs: " + call(() -> window.queueRows()));
            System.out.println("focus: " + call(() -> stage.getScene().getFocusOwner()));
            throw e;
        }
        clickOn(row("#localTable", "notes.txt"));
        type(KeyCode.ENTER);
        waitUntil("conflict dialog", () -> !lookup("#conflictDialog").queryAll().isEmpty());
        shoot(lookup("#conflictDialog").query().getScene(), "conflict-dialog.png");
        clickOn("#conflictSKIP");

        // View › Directory comparison, then Files › Synchronize… with its preview.
        waitUntil("queue idle", 30, () -> call(() -> window.queueRows().stream()
                .noneMatch(j -> j.state().name().equals("RUNNING") || j.state().name().equals("QUEUED"))));
        press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        waitUntil("compared", () -> call(() -> lookup("#legend-cmp-only").tryQuery()
                .map(n -> !((javafx.scene.control.Label) n).getText().contains("(0)")).orElse(false)));
        shoot(stage.getScene(), "directory-comparison.png");
        press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Y).release(KeyCode.SHIFT).release(KeyCode.CONTROL);
        waitUntil("synchronize dialog", () -> !lookup("#syncDialog").queryAll().isEmpty());
        clickOn("#syncDelete");
        clickOn("#syncCompare");
        waitUntil("preview", () -> !call(() -> lookup("#syncPreview").queryAs(javafx.scene.control.TableView.class)
                .getItems().isEmpty()));
        shoot(lookup("#syncDialog").query().getScene(), "synchronize.png");
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil("synchronize dialog closed", () -> lookup("#syncDialog").queryAll().isEmpty());
        assertTrue(Files.exists(sandbox().resolve("README.txt")), "closing the preview deletes nothing");
    }

    private void shoot(Scene scene, String name) throws Exception {
        var image = call(() -> scene.snapshot(null));
        Path file = out.resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        assertTrue(Files.size(file) > 10_000, name + " looks empty");
    }
}
