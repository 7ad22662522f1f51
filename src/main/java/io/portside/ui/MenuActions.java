package io.portside.ui;

import io.portside.transfer.TypeChoice;
import io.portside.ui.fx.UiText;
import io.portside.ui.settings.AppSettings;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;

/**
 * What each menu item does, handed to {@link MainMenu}: the menu only names and arranges the
 * items, this class knows which part of the window carries them out.
 */
final class MenuActions implements MainMenu.Actions {
    private final Stage stage;
    private final Runnable closeWindow;
    private final UiText text;
    private final AppSettings settings;
    private final Consumer<String> status;
    private final FilePanes panes;
    private final BottomTabs tabs;
    private final SiteActions sites;
    private final DiagnoseAction doctor;
    private final TestServerConnect testServer;
    private final Transfers transfers;
    private final Runnable saveSettings;
    private final ObjectProperty<TypeChoice> transferType;
    private SettingsAction preferences;
    private CompareActions compare;

    /** @param closeWindow saves the window's state and stops its connections and threads */
    MenuActions(Stage stage, Runnable closeWindow, UiText text, AppSettings settings, Consumer<String> status,
                FilePanes panes, BottomTabs tabs, SiteActions sites, DiagnoseAction doctor, TestServerConnect testServer,
                Transfers transfers, Runnable saveSettings) {
        this.saveSettings = saveSettings;
        this.stage = stage;
        this.closeWindow = closeWindow;
        this.text = text;
        this.settings = settings;
        this.status = status;
        this.panes = panes;
        this.tabs = tabs;
        this.sites = sites;
        this.doctor = doctor;
        this.testServer = testServer;
        this.transfers = transfers;
        this.transferType = new SimpleObjectProperty<>(settings.transferType());
        transferType.addListener((o, a, b) -> typeChanged(b));
    }

    @Override
    public void siteManager() {
        sites.openSiteManager();
    }

    @Override
    public void startTestServer() {
        testServer.start();
    }

    @Override
    public void quit() {
        closeWindow.run();
        stage.close();
    }

    // The Files menu acts on the pane whose table has the focus (the local one otherwise).
    @Override
    public void transferSelection() {
        panes.active().transferSelection();
    }

    @Override
    public void newFolder() {
        panes.active().newFolder();
    }

    @Override
    public void rename() {
        panes.active().rename();
    }

    @Override
    public void delete() {
        panes.active().delete();
    }

    @Override
    public void refresh() {
        panes.active().model().refresh();
    }

    @Override
    public void showTab(int index) {
        tabs.select(index);
    }

    @Override
    public void about() {
        AboutDialog.show(stage);
    }

    @Override
    public void diagnose() {
        doctor.run();
    }

    /** From the next transfer on, and remembered for the next start. */
    @Override
    public void transferType(TypeChoice type) {
        transferType.set(type);
    }

    /** The menu's radio items and the settings dialog both set this; the queue follows it. */
    ObjectProperty<TypeChoice> transferTypeProperty() {
        return transferType;
    }

    private void typeChanged(TypeChoice type) {
        settings.transferType = type.name();
        saveSettings.run();
        transfers.setTransferType(type);
        status.accept(text.get("status.transferType", text.get("menu.type." + type.name().toLowerCase(Locale.ROOT))));
    }

    @Override
    public void settings() {
        preferences.open();
    }

    @Override
    public void synchronize() {
        compare.synchronize();
    }

    void setCompareActions(CompareActions compare) {
        this.compare = compare;
    }

    void setSettingsAction(SettingsAction preferences) {
        this.preferences = preferences;
    }

    /** Remembered for the next start: the menus and panes are built once, in one language. */
    @Override
    public void language(String tag) {
        settings.language = tag;
        saveSettings.run(); // kept even if this session ends without a normal close
        status.accept(text.get("status.languageRestart"));
    }
}
