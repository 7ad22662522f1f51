package io.portside.ui;

import static org.junit.jupiter.api.Assertions.fail;

import io.portside.files.FileEntry;
import io.portside.server.SandboxServer;
import io.portside.ui.settings.AppSettings;
import io.portside.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.api.FxToolkit;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real window against a real embedded FTP server on 127.0.0.1: {@code serverRoot} is the
 * server's disk, {@code localRoot} the folder the local pane opens in.
 */
abstract class WindowFixture extends FxRobot {
    @TempDir Path tmp;
    Path serverRoot;
    Path localRoot;
    SandboxServer server;
    Stage stage;
    MainWindow window;

    /** Puts files in place before the window opens. */
    void prepare() throws Exception {
    }

    /** The folder the local pane opens in. */
    Path localFolder() {
        return tmp.resolve("local");
    }

    /** The built-in test server's folder (the app keeps it in its config folder). */
    Path sandbox() {
        return tmp.resolve("sandbox");
    }

    /**
     * The packet-capture setting the window starts with: off for the window tests about other
     * things (each would start a tcpdump as root); null keeps the window's default (auto).
     */
    String capture() {
        return "OFF";
    }

    /** The language setting the window starts with. */
    String language() {
        return "en";
    }

    @BeforeEach
    void openWindow() throws Exception {
        serverRoot = Files.createDirectories(tmp.resolve("server"));
        localRoot = Files.createDirectories(localFolder());
        prepare();
        server = startServer();
        SettingsStore store = new SettingsStore(configDir());
        AppSettings s = new AppSettings();
        s.lastLocalFolder = localRoot.toString();
        s.language = language();
        if (capture() != null) {
            s.capture = capture();
        }
        s.windowWidth = 1280;
        s.windowHeight = 820;
        store.save(s);
        FxToolkit.registerPrimaryStage();
        openWindowOn(store);
    }

    /** The server the window talks to; FTPS tests start one with TLS. */
    SandboxServer startServer() throws Exception {
        return SandboxServer.start(serverRoot);
    }

    Path configDir() {
        return tmp.resolve("config");
    }

    /** Closes the window and opens a new one on the same config folder: the app's next run. */
    void restartWindow() throws Exception {
        restartWindow(() -> { });
    }

    /** As {@link #restartWindow()}, changing files in between (as an older version would have left them). */
    void restartWindow(BetweenRuns between) throws Exception {
        FxToolkit.setupFixture(() -> {
            window.close();
            stage.close();
        });
        window = null;
        between.run();
        openWindowOn(new SettingsStore(configDir()));
    }

    interface BetweenRuns {
        void run() throws Exception;
    }

    /**
     * Monocle remembers the view a plain mouse drag happened on (the panes' drags are JavaFX's own
     * press-drag-release gestures) and resets it only after a platform drag; the next window's
     * platform drag (a file manager's, DesktopDropTest) would then tell that closed view the drag
     * left it, and fail. A harness quirk, not the app's: forget it before each window.
     */
    private static void forgetMonocleDragView() throws Exception {
        Class<?> input = Class.forName("com.sun.glass.ui.monocle.MouseInput");
        java.lang.reflect.Method instance = input.getDeclaredMethod("getInstance");
        instance.setAccessible(true);
        java.lang.reflect.Field view = input.getDeclaredField("dragView");
        view.setAccessible(true);
        Object mouse = instance.invoke(null);
        FxToolkit.setupFixture(() -> {
            try {
                view.set(mouse, null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void openWindowOn(SettingsStore store) throws Exception {
        forgetMonocleDragView();
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            try {
                window = new MainWindow(stage, store, sandbox(), p -> { });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            stage.show();
        });
        waitUntil("local pane lists its folder", () -> localRoot.toString().equals(
                call(() -> window == null ? null : lookupPath("#localPath"))));
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.setupFixture(() -> {
            window.close();
            stage.close();
        });
        server.close();
    }

    private String lookupPath(String id) {
        javafx.scene.control.ComboBox<?> box = lookup(id).query();
        return box.getEditor().getText();
    }

    /** Types the server's address and credentials into the bar and clicks Connect. */
    void connectFromBar(String password) {
        clickOn("#host").write(server.host());
        doubleClickOn("#port").eraseText(2).write(String.valueOf(server.port()));
        clickOn("#user").write(server.user());
        clickOn("#password").write(password);
        clickOn("#connect");
    }

    void connectAndWaitForListing() {
        connectFromBar(server.password());
        waitUntil("remote pane lists the server's home", () -> rowCount("#remoteTable") > 0);
    }

    int rowCount(String table) {
        return call(() -> this.<FileEntry>table(table).getItems().size());
    }

    boolean listed(String table, String name) {
        return call(() -> this.<FileEntry>table(table).getItems().stream().anyMatch(e -> e.name().equals(name)));
    }

    @SuppressWarnings("unchecked")
    <T> TableView<T> table(String id) {
        return (TableView<T>) lookup(id).queryAs(TableView.class);
    }

    /** The protocol log as the user sees it: every visible line, rendered. */
    String logText() {
        return call(() -> {
            @SuppressWarnings("unchecked")
            ListView<io.portside.ftp.event.LogLine> list = lookup("#protocolLog").queryAs(ListView.class);
            StringBuilder sb = new StringBuilder();
            list.getItems().forEach(l -> sb.append(l.render()).append('\n'));
            return sb.toString();
        });
    }

    /** Selects the row named {@code name} in a table (as a click would). */
    void select(String table, String name) {
        call(() -> {
            TableView<FileEntry> t = table(table);
            for (int i = 0; i < t.getItems().size(); i++) {
                if (t.getItems().get(i).name().equals(name)) {
                    t.getSelectionModel().clearAndSelect(i);
                    t.scrollTo(i);
                    return null;
                }
            }
            throw new AssertionError(name + " is not listed in " + table);
        });
    }

    /** The table row (node) showing {@code name}, for clicking and dragging. */
    javafx.scene.Node row(String table, String name) {
        select(table, name);
        WaitForAsyncUtils.waitForFxEvents();
        return rowShowing(table, name);
    }

    /** The table row (node) showing {@code name}, leaving the selection as it is. */
    javafx.scene.Node rowShowing(String table, String name) {
        return lookup(table + " .table-row-cell").match(n -> n instanceof javafx.scene.control.TableRow<?> r
                && r.getItem() instanceof FileEntry e && e.name().equals(name)).query();
    }

    /*
     * A dialog is in the scene graph a pulse or two before it is laid out and on screen; TestFX
     * refuses to click a node it cannot see, so every query-driven gesture first waits for one.
     */
    @Override
    public FxRobotInterface clickOn(String query, MouseButton... buttons) {
        awaitVisible(query);
        return super.clickOn(query, buttons);
    }

    @Override
    public FxRobotInterface doubleClickOn(String query, MouseButton... buttons) {
        awaitVisible(query);
        return super.doubleClickOn(query, buttons);
    }

    @Override
    public FxRobotInterface moveTo(String query) {
        awaitVisible(query);
        return super.moveTo(query);
    }

    @Override
    public FxRobot dropTo(String query) {
        awaitVisible(query);
        return super.dropTo(query);
    }

    private void awaitVisible(String query) {
        waitUntil(query + " on screen", 10,
                () -> call(() -> lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent()));
    }

    static <T> T call(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, 20, condition);
    }

    static void waitUntil(String what, int seconds, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
        fail("timed out waiting until " + what);
    }
}
