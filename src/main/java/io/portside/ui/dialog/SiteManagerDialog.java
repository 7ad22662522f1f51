package io.portside.ui.dialog;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.Protocol;
import io.portside.sites.FileZillaSiteImport;
import io.portside.sites.PasswordMode;
import io.portside.sites.SiteProfile;
import io.portside.sites.SiteStore;
import io.portside.ftp.UserMessage;
import io.portside.sites.SiteStoreException;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.fx.UiText;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Saved sites, kept by the {@link SiteStore} (passwords only encrypted under the master
 * password, or not at all): a list on the left, the selected site's fields on the right;
 * import from FileZilla's sitemanager.xml. The result is the site to connect to, if chosen.
 * File writes and decryption run on {@code worker}.
 */
public final class SiteManagerDialog extends Dialog<SiteProfile> {
    private final SiteStore store;
    private final MasterPasswordGate gate;
    private final UiText text;
    private final Executor worker;
    private final FxBatcher bridge;
    private final ListView<SiteProfile> list = new ListView<>();
    private final TextField name = new TextField();
    private final TextField host = new TextField();
    private final TextField port = new TextField("21");
    private final ChoiceBox<Protocol> protocol = new ChoiceBox<>(FXCollections.observableArrayList(Protocol.values()));
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final CheckBox savePassword = new CheckBox();
    private final ChoiceBox<DataMode> mode = new ChoiceBox<>(FXCollections.observableArrayList(DataMode.values()));
    private final CheckBox extended = new CheckBox();
    private final TextField remoteFolder = new TextField();
    private final TextField localFolder = new TextField();
    private final TextField charset = new TextField("UTF-8");
    private final Spinner<Integer> timeOffset = new Spinner<>(-SiteProfile.MAX_OFFSET_MINUTES,
            SiteProfile.MAX_OFFSET_MINUTES, 0, 30);
    private final Label message = new Label();
    private final Button changeMaster;

    public SiteManagerDialog(Window owner, UiText text, MasterPasswordGate gate, Executor worker, FxBatcher bridge) {
        initOwner(owner);
        this.store = gate.store();
        this.gate = gate;
        this.text = text;
        this.worker = worker;
        this.bridge = bridge;
        setTitle(text.get("sites.title"));
        setHeaderText(null);
        getDialogPane().setId("siteManager");
        // Tests reach the dialog through its pane to import a file without the system's file chooser.
        getDialogPane().getProperties().put(SiteManagerDialog.class, this);
        list.setId("siteList");
        list.setItems(FXCollections.observableArrayList(store.profiles()));
        list.setPrefWidth(200);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SiteProfile s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> show(s));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        savePassword.setText(text.get("sites.savePassword"));
        savePassword.setId("sitePasswordSave");
        String[] keys = {"sites.name", "sites.host", "sites.port", "sites.protocol", "sites.user", "sites.password", "",
                "sites.mode", "sites.extended", "sites.remoteFolder", "sites.localFolder", "sites.charset", "sites.timeOffset"};
        javafx.scene.Node[] fields = {name, host, port, protocol, user, password, savePassword, mode, extended,
                remoteFolder, localFolder, charset, timeOffset};
        for (int i = 0; i < keys.length; i++) {
            form.addRow(i, new Label(keys[i].isEmpty() ? "" : text.get(keys[i])), fields[i]);
        }
        mode.setId("siteMode");
        mode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DataMode m) {
                return m == null ? "" : text.get(m == DataMode.ACTIVE ? "menu.active" : "menu.passive");
            }

            @Override
            public DataMode fromString(String s) {
                return null; // a choice box never parses
            }
        });
        timeOffset.setId("siteTimeOffset");
        timeOffset.setEditable(true);
        name.setId("siteName");
        host.setId("siteHost");
        port.setId("sitePort");
        user.setId("siteUser");
        password.setId("sitePassword");
        protocol.setId("siteProtocol");
        protocol.setConverter(new io.portside.ui.connection.ProtocolNames(text));
        protocol.valueProperty().addListener((o, a, p) -> {
            if (a != null && p != null && String.valueOf(a.defaultPort()).equals(port.getText().strip())) {
                port.setText(String.valueOf(p.defaultPort()));
            }
        });
        Button add = new Button(text.get("sites.new"));
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            show(null);
            name.requestFocus();
        });
        Button save = new Button(text.get("sites.save"));
        save.setId("siteSave");
        save.setOnAction(e -> saveCurrent());
        Button delete = new Button(text.get("sites.delete"));
        delete.setOnAction(e -> deleteSelected());
        Button importFz = new Button(text.get("sites.import"));
        importFz.setOnAction(e -> chooseFileZillaFile());
        changeMaster = new Button(text.get("sites.changeMaster"));
        changeMaster.setId("changeMaster");
        changeMaster.setOnAction(e -> {
            if (gate.change(getDialogPane().getScene().getWindow())) {
                message.setText(text.get("master.changed"));
            }
        });
        changeMaster.setDisable(!store.hasMasterPassword());
        message.getStyleClass().add("dialog-message");
        message.setId("siteMessage");
        message.setWrapText(true);
        HBox buttons = new HBox(6, add, save, delete, importFz, changeMaster);
        VBox right = new VBox(10, form, buttons, message);
        right.setPadding(new Insets(0, 0, 0, 10));
        getDialogPane().setContent(new HBox(list, right));
        ButtonType connect = new ButtonType(text.get("sites.connect"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(connect, ButtonType.CLOSE);
        getDialogPane().lookupButton(connect).setId("siteConnect");
        setResultConverter(b -> b == connect ? list.getSelectionModel().getSelectedItem() : null);
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        } else {
            show(null);
        }
    }

    private void show(SiteProfile s) {
        name.setText(s == null ? "" : s.name());
        host.setText(s == null ? "" : s.host());
        port.setText(s == null ? "21" : String.valueOf(s.port()));
        protocol.setValue(s == null ? Protocol.FTP : s.protocol());
        user.setText(s == null || s.user() == null ? "" : s.user());
        password.clear();
        boolean stored = s != null && store.hasStoredPassword(s.name());
        password.setPromptText(text.get(stored ? "sites.password.stored" : s == null ? "sites.password.new"
                : "sites.password.asked"));
        savePassword.setSelected(s == null || s.passwordMode() == PasswordMode.STORED_ENCRYPTED);
        mode.setValue(s == null ? DataMode.PASSIVE : s.dataMode());
        extended.setSelected(s != null && s.extendedMode() == ExtendedMode.ALWAYS);
        remoteFolder.setText(s == null || s.remoteFolder() == null ? "" : s.remoteFolder());
        localFolder.setText(s == null || s.localFolder() == null ? "" : s.localFolder());
        charset.setText(s == null ? "UTF-8" : s.charset());
        timeOffset.getValueFactory().setValue(s == null ? 0 : s.timeOffsetMinutes());
        timeOffset.getEditor().setText(String.valueOf(timeOffset.getValue()));
    }

    private SiteProfile fromFields(PasswordMode passwordMode) {
        int p;
        try {
            p = Integer.parseInt(port.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text.get("sites.portNumber"));
        }
        int offset;
        try {
            // what is typed counts even before the spinner commits it (Save right after typing)
            offset = Integer.parseInt(timeOffset.getEditor().getText().strip());
        } catch (NumberFormatException e) {
            offset = Integer.MAX_VALUE;
        }
        if (!SiteProfile.offsetInRange(offset)) {
            throw new IllegalArgumentException(text.get("sites.timeOffsetNumber"));
        }
        String n = name.getText().isBlank() ? host.getText().strip() : name.getText().strip();
        return new SiteProfile(n, protocol.getValue(), host.getText().strip(), p, user.getText().strip(), passwordMode,
                mode.getValue(), extended.isSelected() ? ExtendedMode.ALWAYS : ExtendedMode.AUTO,
                blankToNull(remoteFolder.getText()), blankToNull(localFolder.getText()), charset.getText().strip(),
                offset);
    }

    /** Saves the fields; the first password stored asks for a new master password. */
    private void saveCurrent() {
        SiteProfile selected = list.getSelectionModel().getSelectedItem();
        char[] typed = password.getText().isEmpty() ? null : password.getText().toCharArray();
        PasswordMode passwordMode = savePassword.isSelected() ? PasswordMode.STORED_ENCRYPTED : PasswordMode.NOT_STORED;
        if (passwordMode == PasswordMode.STORED_ENCRYPTED && typed != null) {
            switch (gate.readyToStore(getDialogPane().getScene().getWindow())) {
                case CANCELLED -> {
                    return;
                }
                case NOT_STORED -> passwordMode = PasswordMode.NOT_STORED;
                case ENCRYPTED -> { }
            }
        }
        SiteProfile profile;
        try {
            profile = fromFields(passwordMode);
        } catch (IllegalArgumentException e) {
            message.setText(UserMessage.textOf(e, text.locale()));
            return;
        }
        password.clear();
        String oldName = selected == null ? profile.name() : selected.name();
        inBackground(() -> {
            try {
                store.replace(oldName, profile, typed);
            } finally {
                if (typed != null) {
                    Arrays.fill(typed, '\0');
                }
            }
        }, () -> {
            reload(profile.name());
            message.setText(text.get("sites.saved", profile.name()));
        });
    }

    private void deleteSelected() {
        SiteProfile s = list.getSelectionModel().getSelectedItem();
        if (s != null) {
            inBackground(() -> store.remove(s.name()), () -> reload(null));
        }
    }

    private void chooseFileZillaFile() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("sitemanager.xml", "*.xml"));
        var file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (file != null) {
            importFileZilla(file.toPath());
        }
    }

    /**
     * Reads FileZilla's file on the worker; when it carries passwords, they are stored only
     * under the master password (asked for as when saving), else dropped.
     */
    public void importFileZilla(Path sitemanagerXml) {
        worker.execute(() -> {
            try {
                FileZillaSiteImport.Result r = FileZillaSiteImport.read(sitemanagerXml);
                bridge.post(() -> storeImported(r));
            } catch (SiteStoreException e) {
                bridge.post(() -> message.setText(UserMessage.textOf(e, text.locale())));
            }
        });
    }

    private void storeImported(FileZillaSiteImport.Result r) {
        boolean anyPassword = r.sites().stream().anyMatch(s -> s.password() != null);
        boolean encrypt = anyPassword
                && gate.readyToStore(getDialogPane().getScene().getWindow()) == MasterPasswordGate.Storing.ENCRYPTED;
        inBackground(() -> {
            try {
                for (FileZillaSiteImport.ImportedSite s : r.sites()) {
                    boolean keep = encrypt && s.password() != null;
                    store.save(s.profile().withPasswordMode(keep ? PasswordMode.STORED_ENCRYPTED : PasswordMode.NOT_STORED),
                            keep ? s.password() : null);
                }
            } finally {
                r.sites().forEach(s -> {
                    if (s.password() != null) {
                        Arrays.fill(s.password(), '\0');
                    }
                });
            }
        }, () -> {
            reload(null);
            // what was imported, then what the importer changed or left out, site by site
            java.util.List<String> lines = new java.util.ArrayList<>();
            lines.add(text.get("sites.imported", r.sites().size()));
            r.sites().forEach(s -> s.notes().forEach(n -> lines.add(UserMessage.of("import.skipped", s.profile().name(), n)
                    .render(text.locale()))));
            r.skipped().forEach(m -> lines.add(m.render(text.locale())));
            message.setText(String.join("\n", lines));
        });
    }

    /** A store change that writes the file: on the worker, then {@code after} on the FX thread. */
    private void inBackground(StoreChange change, Runnable after) {
        worker.execute(() -> {
            try {
                change.run();
                bridge.post(after);
            } catch (SiteStoreException | RuntimeException e) {
                bridge.post(() -> message.setText(UserMessage.textOf(e, text.locale())));
            }
        });
    }

    private interface StoreChange {
        void run() throws SiteStoreException;
    }

    private void reload(String select) {
        List<SiteProfile> all = store.profiles();
        list.getItems().setAll(all);
        changeMaster.setDisable(!store.hasMasterPassword());
        all.stream().filter(p -> p.name().equals(select)).findFirst()
                .ifPresentOrElse(p -> list.getSelectionModel().select(p), () -> {
                    if (!all.isEmpty() && list.getSelectionModel().isEmpty()) {
                        list.getSelectionModel().select(0);
                    }
                });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
