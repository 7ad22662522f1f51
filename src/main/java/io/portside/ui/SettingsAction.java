package io.portside.ui;

import io.portside.ftp.SessionOptions;
import io.portside.transfer.TypeChoice;
import io.portside.ui.connection.ConnectionViewModel;
import io.portside.ui.dialog.SettingsDialog;
import io.portside.ui.fx.UiText;
import io.portside.ui.settings.AppSettings;
import io.portside.ui.settings.Preferences;
import io.portside.ui.settings.SettingsViewModel;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * Edit › Settings…: shows the dialog, applies what it holds to the queue, the next sessions and
 * both panes at once, and keeps it in the settings file. The same {@link #apply} runs at start.
 */
final class SettingsAction {
    private final Stage stage;
    private final UiText text;
    private final AppSettings settings;
    private final ConnectionViewModel connection;
    private final Transfers transfers;
    private final FilePanes panes;
    private final ObjectProperty<TypeChoice> transferType;
    private final Consumer<String> status;
    private final Runnable save;

    SettingsAction(Stage stage, UiText text, AppSettings settings, ConnectionViewModel connection, Transfers transfers,
                   FilePanes panes, ObjectProperty<TypeChoice> transferType, Consumer<String> status, Runnable save) {
        this.stage = stage;
        this.text = text;
        this.settings = settings;
        this.connection = connection;
        this.transfers = transfers;
        this.panes = panes;
        this.transferType = transferType;
        this.status = status;
        this.save = save;
    }

    void open() {
        SettingsViewModel vm = new SettingsViewModel(text, settings.preferences, transferType.get(), settings.language);
        if (new SettingsDialog(stage, text, vm).showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        settings.preferences = vm.toPreferences();
        apply(settings.preferences);
        transferType.set(vm.transferType.get());
        boolean newLanguage = !Objects.equals(settings.language, vm.language.get());
        settings.language = vm.language.get();
        save.run();
        status.accept(text.get(newLanguage ? "settings.savedLanguage" : "settings.saved"));
    }

    void apply(Preferences p) {
        transfers.apply(p);
        connection.setBaseOptions(p.applyTo(SessionOptions.defaults()));
        panes.local().model().setShowHidden(p.showHidden);
        panes.remote().model().setShowHidden(p.showHidden);
    }
}
