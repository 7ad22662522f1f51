package io.portside.ui;

import io.portside.transfer.Direction;
import io.portside.ui.connection.ConnectionViewModel;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.fx.UiText;
import io.portside.ui.pane.DragSession;
import io.portside.ui.pane.FilePane;
import io.portside.ui.pane.FilePaneViewModel;
import io.portside.ui.pane.LocalBrowser;
import io.portside.ui.pane.RemoteBrowser;
import io.portside.ui.queue.QueueViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * The local and the remote file pane side by side. The local pane lists on its own worker, the
 * remote one on the browse session's, so a slow server never holds up the local side.
 */
final class FilePanes {
    private final UiText text;
    private final FilePane local;
    private final FilePane remote;
    private final SplitPane split;
    private final PauseTransition localLater = new PauseTransition(Duration.millis(300));
    private final PauseTransition remoteLater = new PauseTransition(Duration.millis(300));
    private boolean closed;

    FilePanes(UiText text, TransferActions actions, Path startLocal, ConnectionViewModel connection,
              Executor localWorker, Executor browseWorker, FxBatcher bridge, ErrorReporter errors) {
        this.text = text;
        DragSession drags = new DragSession();
        local = new FilePane("local", new FilePaneViewModel(new LocalBrowser(startLocal), localWorker, bridge,
                e -> errors.show(text.get("error.local"), e)), text, actions, drags);
        remote = new FilePane("remote", new FilePaneViewModel(new RemoteBrowser(connection::live), browseWorker,
                bridge, e -> errors.show(text.get("error.remote"), e)), text, actions, drags);
        remote.showTimesShiftedBy(connection.timeOffsetMinutes()); // the site's clock, as FileZilla shows it
        actions.panes(local, remote);
        split = new SplitPane(local, remote);
        split.setId("paneSplit");
    }

    /**
     * The folder the local pane opens in: the one remembered from last time if it still exists,
     * else the home folder, else (a service account's home such as {@code /nonexistent}) the
     * working folder or the file system's root, so the pane never opens on an error.
     */
    static Path startFolder(String remembered, Path home) {
        if (remembered != null && Files.isDirectory(Path.of(remembered))) {
            return Path.of(remembered);
        }
        if (Files.isDirectory(home)) {
            return home;
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here) ? here : here.getRoot();
    }

    FilePane local() {
        return local;
    }

    FilePane remote() {
        return remote;
    }

    /** "local" or "remote". */
    FilePane pane(String side) {
        return "remote".equals(side) ? remote : local;
    }

    SplitPane split() {
        return split;
    }

    /** The pane the Files menu acts on: the remote one while its table has the focus. */
    FilePane active() {
        return remote.table().isFocused() ? remote : local;
    }

    /** The remote pane names the server and lists its home folder. */
    void showConnected(String host) {
        remote.setTitle(text.get("pane.remote.on", host));
        remote.setNotice(null);
        remote.model().openHome();
    }

    void showDisconnected() {
        remote.model().clear();
        remote.setTitle(text.get("pane.remote"));
        remote.setNotice(null);
    }

    /** The connection closed: the listing stays (it is where the next action reconnects to), and says so. */
    void showLost() {
        remote.setNotice(text.get("pane.remote.lost"));
    }

    /** Connected again: the notice goes. */
    void showReconnected() {
        remote.setNotice(null);
    }

    /** Reconnecting failed too often: the pane is empty and says why. */
    void showGaveUp(String host, String why) {
        remote.setNotice(text.get("pane.remote.gaveUp", host, ConnectionViewModel.MAX_RECONNECTS, why));
    }

    /** After uploads and downloads the target pane lists its folder again (at most every 300 ms). */
    void refreshAfterTransfers(QueueViewModel queue) {
        localLater.setOnFinished(e -> local.model().refresh());
        remoteLater.setOnFinished(e -> remote.model().refresh());
        queue.onDone(j -> {
            if (!closed) {
                (j.job().direction() == Direction.UPLOAD ? remoteLater : localLater).playFromStart();
            }
        });
    }

    /** No listing after the window closed: its workers are gone (a late timer would fail on them). */
    void close() {
        closed = true;
        localLater.stop();
        remoteLater.stop();
    }

    /** Tab in a file table jumps to the other pane's table (commander style). */
    void switchWithTab(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown()) {
                return;
            }
            Node focus = scene.getFocusOwner();
            if (focus == local.table()) {
                remote.focusTable();
                e.consume();
            } else if (focus == remote.table()) {
                local.focusTable();
                e.consume();
            }
        });
    }
}
