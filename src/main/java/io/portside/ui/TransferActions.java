package io.portside.ui;

import io.portside.files.FileEntry;
import io.portside.files.SafeLocalName;
import io.portside.ftp.FtpSession;
import io.portside.ui.connection.ConnectionState;
import io.portside.ui.connection.ConnectionViewModel;
import io.portside.ui.dialog.ChmodDialog;
import io.portside.ui.dialog.SimpleDialogs;
import io.portside.ui.fx.UiText;
import io.portside.ui.pane.FilePane;
import io.portside.ui.pane.PaneHost;
import io.portside.ui.pane.RemoteBrowser;
import io.portside.ui.pane.RemotePaths;
import io.portside.ui.queue.QueueViewModel;
import io.portside.ui.queue.TransferRequest;
import io.portside.ui.queue.TransferRequest.Direction;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/**
 * Turns what the user does in the panes (Enter, drag and drop, menu) into queued transfers and
 * file operations: the panes know nothing about each other or the queue.
 */
final class TransferActions implements PaneHost {
    private final UiText text;
    private final ConnectionViewModel connection;
    private final QueueViewModel queue;
    private final Supplier<Window> window;
    private final Consumer<String> status;
    private FilePane local;
    private FilePane remote;

    TransferActions(UiText text, ConnectionViewModel connection, QueueViewModel queue, Supplier<Window> window,
                    Consumer<String> status) {
        this.text = text;
        this.connection = connection;
        this.queue = queue;
        this.window = window;
        this.status = status;
    }

    void panes(FilePane local, FilePane remote) {
        this.local = local;
        this.remote = remote;
    }

    @Override
    public void transfer(FilePane source, List<FileEntry> entries) {
        FilePane target = source == local ? remote : local;
        dropped(source, entries, target, target.model().folder().get());
    }

    @Override
    public void dropped(FilePane source, List<FileEntry> entries, FilePane target, String folder) {
        if (!connected()) {
            return;
        }
        boolean upload = source == local;
        for (FileEntry e : entries) {
            if (upload) {
                queue.submit(new TransferRequest(Direction.UPLOAD, Path.of(e.path()),
                        RemotePaths.child(folder, e.name()), e.directory(), e.size()));
            } else {
                SafeLocalName.Decision d = SafeLocalName.resolve(Path.of(folder), e.name());
                if (!d.accepted()) { // a hostile name from the server must not write outside the folder
                    FtpSession s = connection.session();
                    if (s != null) {
                        s.report(d::skippedNotice);
                    }
                    status.accept(d.warning());
                    continue;
                }
                queue.submit(new TransferRequest(Direction.DOWNLOAD, d.path(), e.path(), e.directory(), e.size()));
            }
        }
        status.accept(text.get(upload ? "status.queued.upload" : "status.queued.download", entries.size(), folder));
    }

    @Override
    public void droppedFromDesktop(List<File> files, FilePane target, String folder) {
        if (!connected()) {
            return;
        }
        for (File f : files) {
            Path p = f.toPath();
            boolean dir = Files.isDirectory(p);
            queue.submit(new TransferRequest(Direction.UPLOAD, p, RemotePaths.child(folder, f.getName()), dir,
                    dir ? -1 : f.length()));
        }
        status.accept(text.get("status.queued.upload", files.size(), folder));
    }

    private boolean connected() {
        if (connection.state().get() != ConnectionState.CONNECTED) {
            status.accept(text.get("status.connectFirst"));
            return false;
        }
        return true;
    }

    @Override
    public boolean confirmDelete(List<FileEntry> entries) {
        return SimpleDialogs.confirmDelete(window.get(), text, entries);
    }

    @Override
    public String askName(String title, String initial) {
        return SimpleDialogs.askName(window.get(), text, title, initial);
    }

    @Override
    public void properties(FilePane pane, FileEntry entry) {
        if (pane.model().browser() instanceof RemoteBrowser rb) {
            new ChmodDialog(window.get(), text, entry).showAndWait()
                    .ifPresent(mode -> pane.model().perform(() -> rb.chmod(entry.path(), mode)));
        } else {
            Alert a = new Alert(Alert.AlertType.INFORMATION);
            a.initOwner(window.get());
            a.setTitle(text.get("action.properties"));
            a.setHeaderText(entry.name());
            a.setContentText(entry.path() + "\n" + (entry.directory() ? text.get("type.folder")
                    : String.format("%,d B", entry.size())) + "\n" + entry.modified());
            a.show();
        }
    }
}
