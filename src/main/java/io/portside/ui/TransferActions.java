package io.portside.ui;

import io.portside.files.FileEntry;
import io.portside.files.RemotePath;
import io.portside.files.SafeLocalName;
import io.portside.ftp.FtpSession;
import io.portside.transfer.Direction;
import io.portside.transfer.TransferJob;
import io.portside.transfer.TransferQueue;
import io.portside.ui.connection.ConnectionState;
import io.portside.ui.connection.ConnectionViewModel;
import io.portside.ui.dialog.ChmodDialog;
import io.portside.ui.dialog.SimpleDialogs;
import io.portside.ui.fx.UiText;
import io.portside.ui.pane.FilePane;
import io.portside.ui.pane.PaneHost;
import io.portside.ui.pane.RemoteBrowser;
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
    private final TransferQueue queue;
    private final Supplier<Window> window;
    private final Consumer<String> status;
    private final Consumer<String> queued;
    private FilePane local;
    private FilePane remote;

    /** @param queued says what was just queued (the status line replaces it when the queue is done) */
    TransferActions(UiText text, ConnectionViewModel connection, TransferQueue queue, Supplier<Window> window,
                    Consumer<String> status, Consumer<String> queued) {
        this.queued = queued;
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
                String to = RemotePath.of(folder).child(e.name()).toString();
                submit(Direction.UPLOAD, e.directory(), e.path(), to, e.size());
            } else {
                SafeLocalName.Decision d = SafeLocalName.resolve(Path.of(folder), e.name());
                if (!d.accepted()) { // a hostile name from the server must not write outside the folder
                    FtpSession s = connection.session();
                    if (s != null) {
                        s.report(d::skippedNotice);
                    }
                    status.accept(d.warning().render(text.locale()));
                    continue;
                }
                submit(Direction.DOWNLOAD, e.directory(), e.path(), d.path().toString(), e.size());
            }
        }
        queued.accept(text.get(upload ? "status.queued.upload" : "status.queued.download", entries.size(), folder));
    }

    @Override
    public void droppedFromDesktop(List<File> files, FilePane target, String folder) {
        if (!connected()) {
            return;
        }
        for (File f : files) {
            Path p = f.toPath();
            boolean dir = Files.isDirectory(p);
            submit(Direction.UPLOAD, dir, p.toString(), RemotePath.of(folder).child(f.getName()).toString(), f.length());
        }
        queued.accept(text.get("status.queued.upload", files.size(), folder));
    }

    /**
     * Queues a copy to or from the connected server, under the queue's conflict policy. A file's
     * listed size spares the worker asking for it; a folder's is its directory record's, so none is given.
     */
    private void submit(Direction direction, boolean folder, String source, String target, long size) {
        queue.add(new TransferJob(direction, folder, connection.connectedSite().get(), source, target, null,
                folder ? -1 : size, null));
    }

    private boolean connected() {
        ConnectionState s = connection.state().get();
        // lost: the queue's workers open their own connections, and the pane's next listing heals its own
        if (s != ConnectionState.CONNECTED && s != ConnectionState.LOST) {
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
