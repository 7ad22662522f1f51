package io.portside.ui.dialog;

import io.portside.ui.fx.UiText;
import io.portside.ui.settings.FileZillaImport;
import io.portside.ui.settings.SavedSite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Saved sites: a list on the left, the selected site's fields on the right; import from
 * FileZilla's sitemanager.xml. The result is the site to connect to, if the user chose one.
 */
public final class SiteManagerDialog extends Dialog<SavedSite> {
    private final ObservableList<SavedSite> sites;
    private final ListView<SavedSite> list = new ListView<>();
    private final TextField name = new TextField();
    private final TextField host = new TextField();
    private final TextField port = new TextField("21");
    private final ChoiceBox<String> protocol = new ChoiceBox<>(FXCollections.observableArrayList("ftp", "ftpes", "ftps"));
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final ChoiceBox<String> mode = new ChoiceBox<>(FXCollections.observableArrayList("PASSIVE", "ACTIVE"));
    private final CheckBox extended = new CheckBox();
    private final TextField remoteFolder = new TextField();
    private final TextField localFolder = new TextField();
    private final TextField charset = new TextField("UTF-8");
    private final Label message = new Label();

    /** @param sites edited in place (the caller saves the settings afterwards) */
    public SiteManagerDialog(Window owner, UiText text, List<SavedSite> sites) {
        initOwner(owner);
        this.sites = FXCollections.observableArrayList(sites);
        setTitle(text.get("sites.title"));
        setHeaderText(null);
        getDialogPane().setId("siteManager");
        list.setItems(this.sites);
        list.setPrefWidth(200);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SavedSite s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> show(s));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        String[] keys = {"sites.name", "sites.host", "sites.port", "sites.protocol", "sites.user", "sites.password",
                "sites.mode", "sites.extended", "sites.remoteFolder", "sites.localFolder", "sites.charset"};
        javafx.scene.Node[] fields = {name, host, port, protocol, user, password, mode, extended, remoteFolder,
                localFolder, charset};
        for (int i = 0; i < keys.length; i++) {
            form.addRow(i, new Label(text.get(keys[i])), fields[i]);
        }
        name.setId("siteName");
        host.setId("siteHost");
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
        delete.setOnAction(e -> {
            SavedSite s = list.getSelectionModel().getSelectedItem();
            if (s != null) {
                this.sites.remove(s);
            }
        });
        Button importFz = new Button(text.get("sites.import"));
        importFz.setOnAction(e -> importFileZilla(text));
        message.getStyleClass().add("dialog-message");
        HBox buttons = new HBox(6, add, save, delete, importFz);
        VBox right = new VBox(10, form, buttons, message);
        right.setPadding(new Insets(0, 0, 0, 10));
        getDialogPane().setContent(new HBox(list, right));
        ButtonType connect = new ButtonType(text.get("sites.connect"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(connect, ButtonType.CLOSE);
        setResultConverter(b -> {
            sites.clear();
            sites.addAll(this.sites);
            return b == connect ? list.getSelectionModel().getSelectedItem() : null;
        });
        if (!this.sites.isEmpty()) {
            list.getSelectionModel().select(0);
        } else {
            show(null);
        }
    }

    private void show(SavedSite s) {
        name.setText(s == null ? "" : s.name());
        host.setText(s == null ? "" : s.host());
        port.setText(s == null ? "21" : String.valueOf(s.port()));
        protocol.setValue(s == null || s.protocol() == null ? "ftp" : s.protocol());
        user.setText(s == null ? "" : s.user());
        password.setText(s == null || s.password() == null ? "" : s.password());
        mode.setValue(s == null || s.mode() == null ? "PASSIVE" : s.mode());
        extended.setSelected(s != null && s.extended());
        remoteFolder.setText(s == null || s.remoteFolder() == null ? "" : s.remoteFolder());
        localFolder.setText(s == null || s.localFolder() == null ? "" : s.localFolder());
        charset.setText(s == null || s.charset() == null ? "UTF-8" : s.charset());
    }

    private void saveCurrent() {
        int p;
        try {
            p = Integer.parseInt(port.getText().strip());
        } catch (NumberFormatException e) {
            message.setText("The port must be a number.");
            return;
        }
        SavedSite s = new SavedSite(name.getText().isBlank() ? host.getText() : name.getText(), host.getText().strip(), p,
                protocol.getValue(), user.getText().strip(), password.getText(), mode.getValue(), extended.isSelected(),
                remoteFolder.getText().strip(), localFolder.getText().strip(), charset.getText().strip());
        SavedSite selected = list.getSelectionModel().getSelectedItem();
        if (selected != null) {
            sites.set(sites.indexOf(selected), s);
        } else {
            sites.add(s);
        }
        list.getSelectionModel().select(s);
        message.setText("");
    }

    private void importFileZilla(UiText text) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("sitemanager.xml", "*.xml"));
        var file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (file == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(file.toPath())) {
            List<SavedSite> imported = FileZillaImport.read(in);
            sites.addAll(imported);
            message.setText(text.get("sites.imported", imported.size()));
        } catch (IOException e) {
            message.setText(e.getMessage());
        }
    }
}
