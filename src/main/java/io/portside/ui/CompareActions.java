package io.portside.ui;

import io.portside.ftp.UserMessage;
import io.portside.ui.compare.CompareBy;
import io.portside.ui.compare.ComparisonView;
import io.portside.ui.compare.ComparisonViewModel;
import io.portside.ui.compare.SyncDialog;
import io.portside.ui.compare.SyncViewModel;
import io.portside.ui.compare.SynchronizedBrowsing;
import io.portside.ui.connection.ConnectionState;
import io.portside.ui.connection.ConnectionViewModel;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.fx.UiText;
import io.portside.transfer.TransferQueue;
import io.portside.compare.TimeRule;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * The window's compare and synchronize: View › Directory comparison (with Compare by and Show
 * only differences), View › Synchronized browsing, and Files › Synchronize…, on the two panes.
 */
final class CompareActions {
    private final UiText text;
    private final FilePanes panes;
    private final ConnectionViewModel connection;
    private final Window window;
    private final Consumer<String> status;
    private final Consumer<String> queued;
    private final Runnable showQueue;
    private final ComparisonViewModel comparison;
    private final ComparisonView legend;
    private final SynchronizedBrowsing browsing;
    private final SyncViewModel sync;

    CompareActions(UiText text, FilePanes panes, ConnectionViewModel connection, TransferQueue queue,
                   Executor localWorker, Executor browseWorker, FxBatcher bridge, Window window,
                   Consumer<String> status, Consumer<String> queued, Runnable showQueue) {
        this.queued = queued;
        this.text = text;
        this.panes = panes;
        this.connection = connection;
        this.window = window;
        this.status = status;
        this.showQueue = showQueue;
        var local = panes.local().model();
        var remote = panes.remote().model();
        comparison = new ComparisonViewModel(local, remote, browseWorker, bridge);
        legend = new ComparisonView(comparison, panes.local(), panes.remote(), text);
        browsing = new SynchronizedBrowsing(local, remote, localWorker, browseWorker, bridge, this::askCreate, status,
                new SynchronizedBrowsing.Words() {
                    @Override
                    public String needsBoth() {
                        return text.get("syncBrowse.needsBoth");
                    }

                    @Override
                    public String on(String l, String r) {
                        return text.get("syncBrowse.on", l, r);
                    }

                    @Override
                    public String off(String why) {
                        return text.get("syncBrowse.outside", why);
                    }

                    @Override
                    public String declined(String folder) {
                        return text.get("syncBrowse.declined", folder);
                    }

                    @Override
                    public String failed(String folder, Throwable why) {
                        return text.get("syncBrowse.failed", folder, UserMessage.textOf(why, text.locale()));
                    }
                });
        sync = new SyncViewModel(local, remote, browseWorker, bridge, () -> connection.connectedSite().get(),
                comparison.time(), queue::addAll);
        // a saved site brings its own "adjust server time"; the tolerance stays the user's
        connection.timeOffsetMinutes().addListener((o, a, minutes) -> comparison.time().set(new TimeRule(
                Duration.ofMinutes(minutes.intValue()), comparison.time().get().tolerance())));
    }

    ComparisonView legend() {
        return legend;
    }

    ComparisonViewModel comparison() {
        return comparison;
    }

    SynchronizedBrowsing browsing() {
        return browsing;
    }

    /** View menu items: comparison on/off, compare by, only differences; synchronized browsing. */
    java.util.List<MenuItem> viewItems() {
        CheckMenuItem compare = new CheckMenuItem(text.get("menu.compare"));
        compare.setId("menu.compare");
        compare.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        compare.selectedProperty().bindBidirectional(comparison.enabled());
        Menu by = new Menu(text.get("menu.compareBy"));
        by.setId("menu.compareBy");
        ToggleGroup group = new ToggleGroup();
        for (CompareBy b : CompareBy.values()) {
            RadioMenuItem r = new RadioMenuItem(text.get("menu.compareBy." + b.name().toLowerCase(Locale.ROOT)));
            r.setId("menu.compareBy." + b.name().toLowerCase(Locale.ROOT));
            r.setToggleGroup(group);
            r.setSelected(comparison.by().get() == b);
            r.setOnAction(e -> comparison.by().set(b));
            by.getItems().add(r);
        }
        CheckMenuItem only = new CheckMenuItem(text.get("menu.onlyDifferences"));
        only.setId("menu.onlyDifferences");
        only.selectedProperty().bindBidirectional(comparison.onlyDifferences());
        CheckMenuItem follow = new CheckMenuItem(text.get("menu.syncBrowse"));
        follow.setId("menu.syncBrowse");
        follow.setAccelerator(KeyCombination.keyCombination("Shortcut+Y"));
        follow.selectedProperty().bindBidirectional(browsing.enabled());
        return java.util.List.of(compare, by, only, follow);
    }

    /** Files › Synchronize…: the preview dialog; its ticked lines go into the queue. */
    void synchronize() {
        ConnectionState s = connection.state().get();
        if (s != ConnectionState.CONNECTED && s != ConnectionState.LOST
                || panes.remote().model().folder().get().isEmpty()) {
            status.accept(text.get("status.connectFirst"));
            return;
        }
        SyncDialog dialog = new SyncDialog(window, text, sync);
        if (dialog.showAndWait().filter(b -> b == SyncDialog.QUEUE).isPresent()) {
            sync.run(n -> {
                queued.accept(text.get("sync.queued", n));
                showQueue.run();
            });
        }
    }

    /** A folder synchronized browsing needs is missing: make it? (No turns synchronized browsing off.) */
    private boolean askCreate(String folder, boolean remote) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(window);
        a.setTitle(text.get("syncBrowse.missing.title"));
        a.setHeaderText(text.get(remote ? "syncBrowse.missing.remote" : "syncBrowse.missing.local", folder));
        a.setContentText(text.get("syncBrowse.missing.body"));
        a.getDialogPane().setId("syncBrowseMissing");
        ButtonType make = new ButtonType(text.get("syncBrowse.missing.make"), ButtonType.OK.getButtonData());
        ButtonType off = new ButtonType(text.get("syncBrowse.missing.off"), ButtonType.CANCEL.getButtonData());
        a.getButtonTypes().setAll(make, off);
        return a.showAndWait().filter(b -> b == make).isPresent();
    }
}
