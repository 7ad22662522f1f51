package io.portside.ui.compare;

import io.portside.compare.PlannedAction;
import io.portside.compare.SyncDirection;
import io.portside.compare.EntryFilter;
import io.portside.compare.TimeRule;
import javafx.beans.binding.Bindings;
import io.portside.files.FileEntry;
import io.portside.ftp.event.Units;
import io.portside.ui.fx.UiText;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Files › Synchronize…: direction, deletes and filters; Compare shows the preview, one line per
 * planned action with both sides' sizes and times, each with a tick; "Queue" puts the ticked
 * ones in the transfer queue. Deletes are red and say so; conflicts are listed, never run.
 */
public final class SyncDialog extends Dialog<ButtonType> {
    public static final ButtonType QUEUE = new ButtonType("queue", ButtonBar.ButtonData.OK_DONE);

    public SyncDialog(Window owner, UiText text, SyncViewModel model) {
        initOwner(owner);
        setTitle(text.get("sync.title"));
        setHeaderText(text.get("sync.header", model.localFolder(), model.remoteFolder()));
        setResizable(true);
        getDialogPane().setId("syncDialog");
        getDialogPane().setPrefSize(980, 640);

        ToggleGroup ways = new ToggleGroup();
        HBox direction = new HBox(12);
        for (SyncDirection d : SyncDirection.values()) {
            RadioButton r = new RadioButton(text.get("sync.direction." + d.name().toLowerCase(Locale.ROOT)));
            r.setId("sync-" + d.name().toLowerCase(Locale.ROOT));
            r.setToggleGroup(ways);
            r.setSelected(model.direction().get() == d);
            r.setOnAction(e -> model.direction().set(d));
            direction.getChildren().add(r);
        }
        CheckBox delete = new CheckBox(text.get("sync.delete"));
        delete.setId("syncDelete");
        delete.selectedProperty().bindBidirectional(model.delete());
        delete.disableProperty().bind(model.direction().isEqualTo(SyncDirection.BOTH));
        TextField include = field("syncInclude", "*.html *.css", model.include());
        TextField exclude = field("syncExclude", ".git node_modules *.tmp", model.exclude());
        CheckBox hidden = new CheckBox(text.get("sync.skipHidden"));
        hidden.setId("syncSkipHidden");
        hidden.selectedProperty().bindBidirectional(model.skipHidden());
        Spinner<Integer> offset = new Spinner<>(-1440, 1440, (int) model.time().get().serverOffset().toMinutes(), 30);
        offset.setId("syncOffset");
        offset.setEditable(true);
        Spinner<Integer> tolerance = new Spinner<>(0, 86_400, (int) model.time().get().tolerance().toSeconds(), 1);
        tolerance.setId("syncTolerance");
        tolerance.setEditable(true);
        TextField smallest = sizeField("syncMinSize", model.minSize());
        TextField largest = sizeField("syncMaxSize", model.maxSize());
        Runnable timeRule = () -> model.time().set(new TimeRule(Duration.ofMinutes(offset.getValue()),
                Duration.ofSeconds(tolerance.getValue())));
        offset.valueProperty().addListener((o, a, b) -> timeRule.run());
        tolerance.valueProperty().addListener((o, a, b) -> timeRule.run());

        GridPane options = new GridPane();
        options.setHgap(10);
        options.setVgap(6);
        options.addRow(0, new Label(text.get("sync.direction")), direction);
        options.addRow(1, new Label(""), delete);
        options.addRow(2, new Label(text.get("sync.include")), include);
        options.addRow(3, new Label(text.get("sync.exclude")), exclude);
        options.addRow(4, new Label(""), hidden);
        options.addRow(5, new Label(text.get("sync.offset")), new HBox(8, offset,
                new Label(text.get("sync.tolerance")), tolerance));
        options.addRow(6, new Label(text.get("sync.sizes")), new HBox(8, smallest, new Label(text.get("sync.sizesTo")),
                largest, new Label(text.get("sync.sizesHint"))));
        GridPane.setHgrow(include, Priority.ALWAYS);

        Button compare = new Button(text.get("sync.compare"));
        compare.setId("syncCompare");
        compare.setDefaultButton(false);
        compare.setOnAction(e -> model.preview());
        compare.disableProperty().bind(model.busy().or(Bindings.createBooleanBinding(
                () -> invalid(smallest) || invalid(largest) || crossed(model), smallest.getStyleClass(),
                largest.getStyleClass(), model.minSize(), model.maxSize())));

        TableView<SyncViewModel.Line> table = preview(text, model);
        Label summary = new Label();
        summary.setId("syncSummary");
        summary.setWrapText(true);
        Runnable sum = () -> summary.setText(invalid(smallest) || invalid(largest) ? text.get("sync.sizeInvalid")
                : crossed(model) ? text.get("sync.sizesCrossed")
                : model.busy().get() ? text.get("sync.comparing")
                : model.failure().get() != null ? text.get("sync.failed", model.failure().get().render(text.locale()))
                : summary(text, model));
        model.totals().addListener((o, a, b) -> sum.run());
        model.busy().addListener((o, a, b) -> sum.run());
        model.failure().addListener((o, a, b) -> sum.run());
        smallest.getStyleClass().addListener((javafx.collections.ListChangeListener<String>) c -> sum.run());
        largest.getStyleClass().addListener((javafx.collections.ListChangeListener<String>) c -> sum.run());
        model.minSize().addListener((o, a, b) -> sum.run());
        model.maxSize().addListener((o, a, b) -> sum.run());
        sum.run();

        VBox content = new VBox(10, options, compare, table, summary);
        VBox.setVgrow(table, Priority.ALWAYS);
        getDialogPane().setContent(content);
        ButtonType queue = new ButtonType(text.get("sync.queue"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(queue, ButtonType.CANCEL);
        Button run = (Button) getDialogPane().lookupButton(queue);
        run.setId("syncQueue");
        run.setDisable(true);
        Runnable enable = () -> run.setDisable(model.busy().get() || model.totals().get().runnable() == 0);
        model.totals().addListener((o, a, b) -> enable.run());
        model.busy().addListener((o, a, b) -> enable.run());
        setResultConverter(b -> b == queue ? QUEUE : ButtonType.CANCEL);
        // Escape closes, wherever the focus is (the preview table would take it for itself)
        getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                setResult(ButtonType.CANCEL);
            }
        });
    }

    private static String summary(UiText text, SyncViewModel model) {
        SyncViewModel.Totals t = model.totals().get();
        if (model.lines().isEmpty()) {
            return t.unchanged() > 0 ? text.get("sync.nothing", t.unchanged()) : text.get("sync.press");
        }
        return text.get("sync.totals", t.uploads(), t.downloads(), t.deletes(), t.conflicts(), Units.size(t.bytes()),
                t.unchanged());
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    /** A size typed as "10K", "2M", "1G" or bytes; empty is no limit; anything else marks the field and keeps the last limit. */
    private static TextField sizeField(String id, javafx.beans.property.LongProperty bytes) {
        TextField f = new TextField(bytes.get() < 0 ? "" : String.valueOf(bytes.get()));
        f.setId(id);
        f.setPromptText("10K, 2M, 1G");
        f.setPrefColumnCount(7);
        f.textProperty().addListener((o, a, typed) -> {
            f.getStyleClass().remove("invalid");
            try {
                bytes.set(typed.isBlank() ? -1 : Units.parseSize(typed));
            } catch (NumberFormatException e) {
                f.getStyleClass().add("invalid");
            }
        });
        return f;
    }

    private static boolean invalid(TextField f) {
        return f.getStyleClass().contains("invalid");
    }

    private static boolean crossed(SyncViewModel model) {
        return EntryFilter.sizesCrossed(model.minSize().get(), model.maxSize().get());
    }

    private static TableView<SyncViewModel.Line> preview(UiText text, SyncViewModel model) {
        DateTimeFormatter when = text.dateTime(FormatStyle.SHORT);
        TableView<SyncViewModel.Line> table = new TableView<>(model.lines());
        table.setId("syncPreview");
        table.setEditable(true);
        table.setPlaceholder(new Label(text.get("sync.empty")));
        TableColumn<SyncViewModel.Line, Boolean> tick = new TableColumn<>("✓");
        tick.setId("syncTick");
        tick.setCellValueFactory(c -> c.getValue().ticked());
        tick.setCellFactory(c -> new CheckBoxTableCell<>() {
            @Override
            public void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                SyncViewModel.Line line = getTableRow() == null ? null : getTableRow().getItem();
                setDisable(line != null && !line.tickable()); // a conflict is shown, never run
            }
        });
        tick.setEditable(true);
        tick.setPrefWidth(36);
        table.getColumns().add(tick);
        table.getColumns().add(column("syncAction", text.get("sync.col.action"), 150, l -> action(text, l.action())));
        table.getColumns().add(column("syncPath", text.get("sync.col.path"), 330,
                l -> l.action().path() + (l.action().folder() ? "/" : "")));
        table.getColumns().add(column("syncSize", text.get("sync.col.size"), 80,
                l -> l.action().bytes() > 0 ? Units.size(l.action().bytes()) : ""));
        table.getColumns().add(column("syncLocal", text.get("sync.col.local"), 170,
                l -> side(l.action().entry().local(), FileEntry::modified, when)));
        table.getColumns().add(column("syncRemote", text.get("sync.col.remote"), 170,
                // as the comparison read it: moved by the server time offset, so "newer" is seen to be newer
                l -> side(l.action().entry().remote(), model.time().get()::remoteTime, when)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SyncViewModel.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("sync-delete", "sync-conflict");
                if (!empty && line != null) {
                    if (line.action().kind().delete()) {
                        getStyleClass().add("sync-delete");
                    } else if (!line.tickable()) {
                        getStyleClass().add("sync-conflict");
                    }
                }
            }
        });
        return table;
    }

    /** "Upload", "Delete on the server", "Conflict: file vs folder". */
    static String action(UiText text, PlannedAction a) {
        return switch (a.kind()) {
            case SKIP_CONFLICT -> text.get("sync.action.conflict",
                    text.get("compare.state." + a.entry().state().name().toLowerCase(Locale.ROOT)));
            default -> text.get("sync.action." + a.kind().name().toLowerCase(Locale.ROOT));
        };
    }

    private static String side(FileEntry e, Function<FileEntry, java.time.Instant> time, DateTimeFormatter when) {
        if (e == null) {
            return "—";
        }
        String size = e.directory() ? "" : Units.size(Math.max(0, e.size()));
        java.time.Instant modified = time.apply(e);
        String at = modified == null ? "" : when.format(modified);
        return (size + "  " + at).strip();
    }

    private static TableColumn<SyncViewModel.Line, String> column(String id, String title, double width,
                                                                     Function<SyncViewModel.Line, String> value) {
        TableColumn<SyncViewModel.Line, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setEditable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}
