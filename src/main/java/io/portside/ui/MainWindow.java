package io.portside.ui;

import io.portside.ftp.UserMessage;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.tls.FingerprintFile;
import io.portside.ftp.tls.TlsPolicy;
import io.portside.sites.SiteStore;
import io.portside.transfer.JobProgress;
import io.portside.transfer.QueueSettings;
import io.portside.transfer.QueueStore;
import io.portside.transfer.TransferQueue;
import io.portside.ui.capture.CaptureMenu;
import io.portside.ui.capture.WindowCapture;
import io.portside.ui.connection.ConnectionBar;
import io.portside.ui.connection.ConnectionState;
import io.portside.ui.connection.ConnectionViewModel;
import io.portside.ui.connection.FxTrustPrompt;
import io.portside.ui.connection.TestServerAction;
import io.portside.ui.dialog.MasterPasswordGate;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.fx.UiText;
import io.portside.ui.fx.IoExecutors;
import io.portside.ui.log.LogView;
import io.portside.ui.log.LogViewModel;
import io.portside.ui.queue.JobRow;
import io.portside.ui.queue.QueueView;
import io.portside.ui.queue.RestoredPasswords;
import io.portside.ui.settings.AppSettings;
import io.portside.ui.settings.LegacySites;
import io.portside.ui.settings.SettingsStore;
import io.portside.ui.status.StatusBarView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The composition root of the window: creates the view-models and the window's parts, wires
 * them to each other and lays out menu, connection bar, the two panes ({@link FilePanes}), the
 * queue, log and diagram tabs ({@link BottomTabs}) and the status bar. What the menu items do
 * is in {@link MenuActions}, the saved-site flow in {@link SiteActions}; {@link #close()} saves
 * the window's state and stops every connection, server and thread it started.
 */
public final class MainWindow implements AutoCloseable {
    /** Lines kept in memory by the log; older ones go to the spill file. */
    static final int LOG_CAPACITY = 100_000;
    /** Certificates the user chose to trust always, in the config folder. */
    public static final String TRUSTED_CERTIFICATES = io.portside.sites.ConfigFolder.TRUSTED_CERTIFICATES;

    private final Stage stage;
    private final SettingsStore store;
    private final AppSettings settings;
    private final UiText text;
    private final ErrorReporter errors;
    private final ProtocolEventBus bus = new ProtocolEventBus();
    private final FxBatcher bridge = new FxBatcher();
    private final ExecutorService browseWorker = IoExecutors.single("browse");
    private final ExecutorService localWorker = IoExecutors.single("local");
    private final ExecutorService ioWorker = IoExecutors.single("io");
    private final Path spillFile;
    private final LogViewModel log;
    private final SiteStore sites;
    private final ConnectionViewModel connection;
    private final Transfers transfers;
    private final FilePanes panes;
    private final DiagnoseAction diagnose;
    private final TestServerConnect testServer;
    private final SiteActions siteActions;
    private final LogAndDiagram logAndDiagram;
    private final BottomTabs tabs;
    private final SplitPane mainSplit;
    private final StatusBarView statusBar;
    private final WindowCapture capture;
    private final CompareActions compare;

    /**
     * @param store      where settings are remembered (a config folder passed in, never global)
     * @param sandbox    the built-in test server's folder
     * @param openFolder shows a local folder in the system's file manager
     */
    public MainWindow(Stage stage, SettingsStore store, Path sandbox, Consumer<Path> openFolder) throws IOException {
        this.stage = stage;
        this.store = store;
        this.settings = store.load();
        Locale locale = settings.language == null || settings.language.isEmpty()
                ? Locale.getDefault() : Locale.forLanguageTag(settings.language.replace('_', '-'));
        this.text = new UiText(locale);
        this.errors = new ErrorReporter(() -> stage, text, this::status);
        this.spillFile = Files.createTempFile("portside-log-", ".txt");
        this.log = new LogViewModel(new LogFormatter(locale), bridge, LOG_CAPACITY, spillFile);
        log.listenTo(bus);

        this.sites = new SiteStore(store.configDir());
        LegacySites.moveToStore(settings, store, sites);
        TlsPolicy tlsPolicy = new TlsPolicy(Set.of(),
                new FingerprintFile(store.configDir().resolve(TRUSTED_CERTIFICATES)),
                new FxTrustPrompt(text, bridge, () -> stage));
        connection = new ConnectionViewModel(bus, browseWorker, bridge,
                settings.preferences.applyTo(SessionOptions.defaults()));
        connection.setTlsPolicy(tlsPolicy);
        capture = new WindowCapture(settings.captureMode(), bus, locale);
        connection.setCapture(capture);
        transfers = new Transfers(connection, bus, tlsPolicy, () -> stage, text, bridge,
                settings.preferences.applyTo(QueueSettings.defaults().withTransferType(settings.transferType())),
                new RestoredPasswords(sites, new MasterPasswordGate(sites, text, ioWorker, bridge), text, () -> stage,
                        () -> connection.connectedSite().get()),
                capture);

        TransferActions actions = new TransferActions(text, connection, transfers.queue(), () -> stage, this::status,
                this::queuedStatus);
        Path home = Path.of(System.getProperty("user.home"));
        panes = new FilePanes(text, actions, FilePanes.startFolder(settings.lastLocalFolder, home), connection,
                localWorker, browseWorker, bridge, errors);
        testServer = new TestServerConnect(sandbox, text, connection, ioWorker, bridge, this::status, errors);
        connection.onConnected(() -> {
            panes.showConnected(connection.connectedSite().get().host());
            if (!testServer.server().serves(connection.connectedSite().get())) {
                settings.remember(connection.toProfile("recent"));
            }
            status(text.get("status.connected", connection.connectedSite().get()));
        });
        connection.onFailed(e -> errors.show(text.get("error.connect"), e));
        connection.onCancelled(() -> status(text.get("status.cancelled")));
        connection.onGaveUp((lost, e) -> {
            String why = UserMessage.textOf(e, text.locale());
            panes.showGaveUp(lost.host(), why);
            status(text.get("pane.remote.gaveUp", lost.host(), ConnectionViewModel.MAX_RECONNECTS, why));
        });
        // "Reconnect" while lost: listing the folder again reconnects there (the home folder if none was listed)
        connection.onReconnect(() -> {
            if (panes.remote().model().folder().get().isEmpty()) {
                panes.remote().model().openHome();
            } else {
                panes.remote().model().refresh();
            }
        });
        connection.state().addListener((o, a, s) -> connectionChanged(a, s));
        panes.refreshAfterTransfers(transfers.model());
        transfers.model().running().addListener(o -> queueSettled());
        transfers.model().waiting().addListener(o -> queueSettled());
        transfers.model().onDone(j -> queueSettled());

        diagnose = new DiagnoseAction(stage, text, connection, bus, tlsPolicy, ioWorker, bridge, errors, capture);
        siteActions = new SiteActions(stage, text, sites, connection, panes.local(), ioWorker, bridge, errors,
                this::saveSettings);

        logAndDiagram = new LogAndDiagram(bus, log, new LogView(log, text, ioWorker, this::status), text, ioWorker,
                this::status);
        tabs = new BottomTabs(text, new QueueView(transfers.model(), text, openFolder), logAndDiagram, connection.state());
        compare = new CompareActions(text, panes, connection, transfers.queue(), localWorker, browseWorker, bridge,
                stage, this::status, this::queuedStatus, () -> tabs.select(0));
        VBox paneArea = new VBox(panes.split(), compare.legend());
        VBox.setVgrow(panes.split(), javafx.scene.layout.Priority.ALWAYS);
        mainSplit = new SplitPane(paneArea, tabs.node());
        mainSplit.setOrientation(Orientation.VERTICAL);
        mainSplit.setId("mainSplit");
        statusBar = new StatusBarView(connection, transfers.model(), text);

        MenuActions menu = new MenuActions(stage, this::close, text, settings, this::status, panes, tabs, siteActions,
                diagnose, testServer, transfers, this::saveSettings);
        SettingsAction preferences = new SettingsAction(stage, text, settings, connection, transfers, panes,
                menu.transferTypeProperty(), this::status, this::saveSettings);
        menu.setSettingsAction(preferences);
        menu.setCompareActions(compare);
        preferences.apply(settings.preferences);
        BorderPane root = new BorderPane();
        root.setTop(new VBox(MainMenu.build(text, connection, menu, settings.language, menu.transferTypeProperty(),
                        CaptureMenu.build(text, capture, m -> {
                            settings.capture = m.name();
                            saveSettings(); // kept even if this session ends without a normal close
                        }), compare.viewItems()),
                new ConnectionBar(connection, text, () -> FXCollections.observableArrayList(settings.recent))));
        root.setCenter(mainSplit);
        root.setBottom(statusBar);
        root.getStyleClass().add("portside");
        Scene scene = new Scene(root, settings.windowWidth, settings.windowHeight);
        scene.getStylesheets().add(MainWindow.class.getResource("/css/portside.css").toExternalForm());
        panes.switchWithTab(scene);
        stage.setTitle("Portside");
        stage.setScene(scene);
        WindowState.apply(settings, stage, mainSplit, panes.split(), panes.local().table(), panes.remote().table());
        stage.setOnCloseRequest(e -> close());
        panes.local().model().openHome();
        restoreQueue();
    }

    /** What the panes and the status bar say when the browse connection changes. */
    private void connectionChanged(ConnectionState was, ConnectionState now) {
        switch (now) {
            case DISCONNECTED -> panes.showDisconnected();
            case CONNECTING -> status(text.get("status.connecting", connection.attempting()));
            case LOST -> {
                panes.showLost();
                status(text.get("status.lost", connection.connectedSite().get()));
            }
            case CONNECTED -> {
                if (was == ConnectionState.LOST) {
                    panes.showReconnected();
                    String folder = panes.remote().model().folder().get();
                    status(text.get("status.reconnected", connection.connectedSite().get(), folder.isEmpty() ? "/" : folder));
                }
            }
        }
    }

    /** The last run's unfinished transfers, read on a worker; a file that cannot be used is said so. */
    private void restoreQueue() {
        ioWorker.execute(() -> {
            QueueStore.Restored r = transfers.restore(new QueueStore(store.configDir()));
            bridge.post(() -> {
                if (r.problem() != null) {
                    String where = r.keptAside() == null ? "" : text.get("queue.restore.keptAside", r.keptAside());
                    errors.show(text.get("queue.restore.failed"), new IOException(r.words().render(text.locale()) + where));
                } else if (r.jobs() > 0) {
                    status(text.get("queue.restore.done", r.jobs()));
                }
            });
        });
    }

    /** Runs the connection doctor for the site in the connection bar (Connection → Diagnose). */
    public void diagnose() {
        diagnose.run();
    }

    /** Starts the built-in server on a worker, then fills the connection bar and connects. */
    public void startTestServer() {
        testServer.start();
    }

    /** What the next session opens with: the connection bar's mode and the settings' timeouts and ports. */
    public SessionOptions connectionOptions() {
        return connection.options();
    }

    /** The saved sites (tests look at them). */
    public SiteStore sites() {
        return sites;
    }

    /** Scrolls the log to its newest line when following (used after a layout change). */
    void showLogNewest() {
        tabs.showLogNewest();
    }

    /** The handshake diagram tab (tests pick sessions and export through it). */
    io.portside.ui.diagram.DiagramTab diagramTab() {
        return logAndDiagram.diagram();
    }

    /** Shows a short message in the status bar. */
    public void status(String message) {
        statusBar.setText(message);
    }

    /** The status line's last "N queued for…", until the queue has run it (null: none shown). */
    private String queuedNotice;

    private void queuedStatus(String message) {
        status(message);
        queuedNotice = message;
    }

    /** When the queue has nothing left to run, "N queued for…" would be stale: it says the queue is done. */
    private void queueSettled() {
        if (queuedNotice == null || transfers.model().running().get() > 0 || transfers.model().waiting().get() > 0) {
            return;
        }
        if (queuedNotice.equals(statusBar.getText())) {
            int failed = transfers.model().failedCount().get();
            status(failed == 0 ? text.get("status.queueFinished") : text.get("status.queueFinishedFailed", failed));
        }
        queuedNotice = null;
    }

    public TestServerAction testServer() {
        return testServer.server();
    }

    FilePanes panes() {
        return panes;
    }

    CompareActions compare() {
        return compare;
    }

    public TransferQueue transferQueue() {
        return transfers.queue();
    }

    /** Every job row of the queue tab (all sections). */
    public List<JobProgress> queueRows() {
        return transfers.model().rows().stream().map(JobRow::progress).toList();
    }

    public ProtocolEventBus bus() {
        return bus;
    }

    private void saveSettings() {
        WindowState.read(settings, stage, mainSplit, panes.split(), panes.local().table(), panes.remote().table());
        String local = panes.local().model().folder().get();
        if (local != null && !local.isEmpty()) {
            settings.lastLocalFolder = local;
        }
        try {
            store.save(settings);
        } catch (IOException e) {
            System.err.println("Portside: could not save settings: " + e.getMessage());
        }
    }

    private boolean closed;

    /** Saves the window state and stops every connection, server and thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        saveSettings();
        panes.close();
        transfers.close();
        connection.disconnect();
        logAndDiagram.close();
        testServer.close();
        log.close();
        browseWorker.shutdown();
        localWorker.shutdown();
        ioWorker.shutdown();
        capture.close();
        try {
            Files.deleteIfExists(spillFile);
        } catch (IOException ignored) {
            // a temp file; the OS cleans it up
        }
    }
}
