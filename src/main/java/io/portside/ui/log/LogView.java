package io.portside.ui.log;

import io.portside.ftp.event.LogLine;
import io.portside.ui.fx.UiText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * The protocol log tab: a filter bar over a virtualized list of coloured lines. Follow-tail
 * keeps the newest line in view until the user scrolls up, and comes back at the bottom.
 */
public final class LogView extends BorderPane {
    private final LogViewModel model;
    private final UiText text;
    private final ListView<LogLine> list = new ListView<>();
    private final Executor io;
    private final Consumer<String> status;

    /**
     * @param io     runs file writes (save)
     * @param status shows a short result message (e.g. in the status bar)
     */
    public LogView(LogViewModel model, UiText text, Executor io, Consumer<String> status) {
        this.model = model;
        this.text = text;
        this.io = io;
        this.status = status;
        getStyleClass().add("log-view");
        list.setId("protocolLog");
        list.setItems(model.visible());
        list.setCellFactory(v -> new LogCell());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.getStyleClass().add("log-list");
        list.setContextMenu(contextMenu());
        setTop(filterBar());
        setCenter(list);
        wireFollowTail();
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copySelection();
                e.consume();
            }
        });
    }

    /**
     * Called when the log's tab is shown: lines that arrived while it was hidden did not scroll
     * it (a hidden list does not lay out), so jump to the newest now if following.
     */
    public void shown() {
        if (model.followTail().get() && !model.visible().isEmpty()) {
            Platform.runLater(() -> list.scrollTo(model.visible().size() - 1));
        }
    }

    public ListView<LogLine> list() {
        return list;
    }

    /**
     * The kinds' toggles, then the tools; on a narrow window the tools wrap to a second row
     * rather than shrinking to "F…" and "S…".
     */
    private FlowPane filterBar() {
        HBox kinds = new HBox(4);
        kinds.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (LogGroup g : LogGroup.values()) {
            ToggleButton t = new ToggleButton(text.get("log.group." + g.name().toLowerCase(Locale.ROOT)));
            t.setId("logGroup" + g.name());
            t.getStyleClass().addAll("log-group", "log-group-" + g.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            t.selectedProperty().bindBidirectional(model.groupShown(g));
            // on or off at a glance, not only by a shade: a tick while the kind is shown
            Label tick = new Label();
            tick.textProperty().bind(t.selectedProperty().map(on -> on ? "✓" : "○"));
            t.setGraphic(tick);
            kinds.getChildren().add(t);
        }
        TextField filter = new TextField();
        filter.setId("logFilter");
        filter.setPromptText(text.get("log.filter.prompt"));
        filter.textProperty().bindBidirectional(model.textFilter());
        filter.setPrefColumnCount(14);
        ComboBox<String> conn = new ComboBox<>(model.connections());
        conn.setId("logConnection");
        conn.valueProperty().bindBidirectional(model.connectionFilter());
        conn.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? text.get("log.connection.all") : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        ToggleButton follow = new ToggleButton(text.get("log.follow"));
        follow.setId("logFollow");
        follow.setTooltip(new Tooltip(text.get("log.follow.tip")));
        follow.selectedProperty().bindBidirectional(model.followTail());
        Button copy = button("log.copy", this::copySelection);
        Button save = button("log.save", this::save);
        Button clear = button("log.clear", model::clear);
        clear.setId("logClear");
        Label count = new Label();
        count.getStyleClass().add("log-count");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> text.get("log.count", model.visible().size(), model.totalLines().get()),
                model.visible(), model.totalLines()));
        HBox tools = new HBox(4, filter, conn, follow, copy, save, clear, count);
        tools.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (HBox row : List.of(kinds, tools)) {
            row.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        }
        FlowPane bar = new FlowPane(10, 4, kinds, tools);
        bar.getStyleClass().add("log-filter-bar");
        return bar;
    }

    private Button button(String key, Runnable action) {
        Button b = new Button(text.get(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    private ContextMenu contextMenu() {
        MenuItem copy = new MenuItem(text.get("log.copy"));
        copy.setOnAction(e -> copySelection());
        MenuItem all = new MenuItem(text.get("log.selectAll"));
        all.setOnAction(e -> list.getSelectionModel().selectAll());
        MenuItem save = new MenuItem(text.get("log.save"));
        save.setOnAction(e -> save());
        MenuItem clear = new MenuItem(text.get("log.clear"));
        clear.setOnAction(e -> model.clear());
        return new ContextMenu(copy, all, save, clear);
    }

    private void copySelection() {
        var selected = new ArrayList<>(list.getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            return;
        }
        ClipboardContent c = new ClipboardContent();
        c.putString(LogViewModel.asText(selected));
        Clipboard.getSystemClipboard().setContent(c);
        status.accept(text.get("log.copied", selected.size()));
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("portside-log.txt");
        var file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            saveTo(file.toPath());
        }
    }

    /** Writes the whole log to {@code target} on the I/O worker and reports the outcome. */
    public void saveTo(Path target) {
        LogViewModel.IoTask task = model.saveTo(target);
        io.execute(() -> {
            String message;
            try {
                task.run();
                message = text.get("log.saved", target);
            } catch (IOException e) {
                message = text.get("log.saveFailed", target, e.getMessage());
            }
            String m = message;
            Platform.runLater(() -> status.accept(m));
        });
    }

    private void wireFollowTail() {
        model.visible().addListener((ListChangeListener<LogLine>) c -> {
            if (model.followTail().get() && !model.visible().isEmpty()) {
                list.scrollTo(model.visible().size() - 1);
            }
        });
        model.followTail().addListener((o, was, now) -> {
            if (now && !model.visible().isEmpty()) {
                list.scrollTo(model.visible().size() - 1);
            }
        });
        // The user reading older lines pauses following; reaching the bottom resumes it.
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                model.followTail().set(false);
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case UP, PAGE_UP, HOME -> model.followTail().set(false);
                case END -> model.followTail().set(true);
                default -> { }
            }
        });
        list.skinProperty().addListener((o, a, skin) -> {
            for (var n : list.lookupAll(".scroll-bar")) {
                if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                    bar.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> model.followTail().set(false));
                    bar.valueProperty().addListener((ob, x, v) -> {
                        if (v.doubleValue() >= bar.getMax() - 1e-3 && !model.followTail().get() && bar.isPressed()) {
                            model.followTail().set(true);
                        }
                    });
                }
            }
        });
    }
}
