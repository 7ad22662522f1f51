package io.portside.ui.dialog;

import io.portside.transfer.ConflictPolicy;
import io.portside.transfer.TypeChoice;
import io.portside.ui.fx.UiText;
import io.portside.ui.settings.SettingsViewModel;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Edit › Settings…: a form over {@link SettingsViewModel}; OK stays disabled while a field is wrong. */
public final class SettingsDialog extends Dialog<ButtonType> {
    private final UiText text;
    private final GridPane grid = new GridPane();
    private int row;

    public SettingsDialog(Window owner, UiText text, SettingsViewModel vm) {
        this.text = text;
        initOwner(owner);
        setTitle(text.get("settings.title"));
        getDialogPane().setId("settingsDialog");
        grid.setHgap(10);
        grid.setVgap(6);

        section("settings.section.transfers");
        field("settings.parallel", "settingsParallel", vm.parallel);
        field("settings.perSite", "settingsPerSite", vm.perSite);
        field("settings.downloadLimit", "settingsDownloadLimit", vm.downloadLimit);
        field("settings.uploadLimit", "settingsUploadLimit", vm.uploadLimit);
        field("settings.retries", "settingsRetries", vm.retries);
        // "ask", then the conflict dialog's own choices, in its order
        choice("settings.conflict", "settingsConflict", vm.conflict, Stream.concat(Stream.of(ConflictPolicy.ASK),
                ConflictDialog.CHOICES.stream()).toList(), "conflict.");
        choice("settings.transferType", "settingsTransferType", vm.transferType, List.of(TypeChoice.values()),
                "menu.type.");
        check("settings.preserveTimes", "settingsPreserveTimes", vm.preserveTimes);

        section("settings.section.connections");
        field("settings.connectTimeout", "settingsConnectTimeout", vm.connectTimeout);
        field("settings.replyTimeout", "settingsReplyTimeout", vm.replyTimeout);
        field("settings.keepAlive", "settingsKeepAlive", vm.keepAlive);
        field("settings.externalAddress", "settingsExternalAddress", vm.externalAddress);
        field("settings.activePorts", "settingsActivePorts", vm.activePorts);

        section("settings.section.window");
        check("settings.showHidden", "settingsShowHidden", vm.showHidden);
        choice("settings.language", "settingsLanguage", vm.language, List.of("", "en", "zh_CN"), null);

        Label problems = new Label();
        problems.setId("settingsProblems");
        problems.setWrapText(true);
        problems.getStyleClass().add("error-text");
        problems.textProperty().bind(vm.problems().map(p -> String.join("\n", p)));
        grid.add(problems, 0, row++, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("settingsOk");
        ok.disableProperty().bind(vm.problems().map(p -> !p.isEmpty()));
        // Enter means OK everywhere in the form, also on a tick box (which would otherwise toggle)
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.getTarget() instanceof CheckBox) {
                e.consume();
                ((Button) ok).fire();
            }
        });
        getDialogPane().getStylesheets().add(SettingsDialog.class.getResource("/css/portside.css").toExternalForm());
    }

    private void section(String key) {
        Label l = new Label(text.get(key));
        l.getStyleClass().add("strong");
        grid.add(l, 0, row++, 2, 1);
    }

    private void field(String key, String id, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        f.setPrefColumnCount(14);
        grid.addRow(row++, new Label(text.get(key)), f);
    }

    private void check(String key, String id, BooleanProperty value) {
        CheckBox c = new CheckBox(text.get(key));
        c.setId(id);
        c.selectedProperty().bindBidirectional(value);
        grid.add(c, 1, row++);
    }

    /** A drop-down whose items are named by {@code prefix + name} in the bundle (languages by their own keys). */
    private <T> void choice(String key, String id, ObjectProperty<T> value, List<T> items, String prefix) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        StringConverter<T> names = new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name(t, prefix);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
        box.setConverter(names);
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? "" : names.toString(t));
            }
        });
        box.valueProperty().bindBidirectional(value);
        grid.addRow(row++, new Label(text.get(key)), box);
    }

    private <T> String name(T t, String prefix) {
        if (prefix == null) {
            return text.get(switch (t.toString()) {
                case "en" -> "menu.language.en";
                case "zh_CN" -> "menu.language.zh";
                default -> "menu.language.system";
            });
        }
        return text.get(prefix + ((Enum<?>) t).name().toLowerCase(Locale.ROOT));
    }
}
