package io.portside.ui.queue;

import io.portside.ftp.event.Units;
import io.portside.transfer.Direction;
import io.portside.transfer.JobProgress;
import io.portside.transfer.JobState;
import io.portside.ui.fx.ContextMenuSelection;
import io.portside.ui.fx.UiText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The queue tab: a section switch (active / failed / done) over a table of jobs with progress. */
public final class QueueView extends BorderPane {
    private final QueueViewModel model;
    private final UiText text;
    private final TableView<JobRow> table = new TableView<>();

    /** @param openFolder shows a local folder in the system's file manager */
    public QueueView(QueueViewModel model, UiText text, Consumer<Path> openFolder) {
        this.model = model;
        this.text = text;
        getStyleClass().add("queue-view");
        table.setId("queueTable");
        table.setItems(model.shown());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(text.get("queue.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                column("queue.col.direction", 40, j -> j.job().deletes() ? "✕"
                        : j.job().direction() == Direction.UPLOAD ? "↑" : "↓"),
                column("queue.col.local", 220, JobProgress::localPath),
                column("queue.col.remote", 200, JobProgress::remotePath),
                column("queue.col.size", 80, j -> j.bytesTotal() < 0 ? "" : Units.size(j.bytesTotal())),
                progressColumn(),
                column("queue.col.rate", 80, j -> j.rate() > 0 ? Units.size((long) j.rate()) + "/s" : ""),
                column("queue.col.eta", 60, j -> eta(j.eta())),
                column("queue.col.state", 80, j -> text.get("job." + j.state().name().toLowerCase(Locale.ROOT))),
                column("queue.col.error", 200, j -> j.words() == null ? "" : j.words().render(text.locale()))));
        // a synchronization's delete is a row of its own, and looks it
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(JobRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean delete = !empty && row != null && row.progress().job().deletes();
                getStyleClass().remove("queue-delete");
                if (delete) {
                    getStyleClass().add("queue-delete");
                }
            }
        });
        table.setContextMenu(menu(openFolder));
        ContextMenuSelection.install(table);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                model.queue().cancel(selectedIds());
                e.consume();
            }
        });
        setTop(sections());
        setCenter(table);
    }

    public TableView<JobRow> table() {
        return table;
    }

    private HBox sections() {
        ToggleGroup group = new ToggleGroup();
        HBox bar = new HBox(4);
        bar.getStyleClass().add("queue-sections");
        for (QueueViewModel.Section s : QueueViewModel.Section.values()) {
            ToggleButton b = new ToggleButton();
            b.setId("queueSection" + s.name());
            b.setToggleGroup(group);
            b.setSelected(model.section().get() == s);
            b.textProperty().bind(Bindings.createStringBinding(() -> text.get("queue.section." + s.name().toLowerCase(Locale.ROOT),
                    model.rows().stream().filter(j -> s.contains(j.progress().state())).count()), model.rows()));
            b.setOnAction(e -> {
                model.section().set(s);
                b.setSelected(true);
            });
            bar.getChildren().add(b);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label totals = new Label();
        totals.getStyleClass().add("queue-totals");
        totals.textProperty().bind(Bindings.createStringBinding(() -> text.get("queue.totals",
                model.running().get(), model.waiting().get(), Units.size((long) model.totalRate().get()) + "/s"),
                model.running(), model.waiting(), model.totalRate()));
        bar.getChildren().addAll(gap, totals);
        return bar;
    }

    private TableColumn<JobRow, String> column(String key, double width, Function<JobProgress, String> value) {
        TableColumn<JobRow, String> c = new TableColumn<>(text.get(key));
        c.setCellValueFactory(d -> Bindings.createStringBinding(() -> value.apply(d.getValue().progress()),
                d.getValue().progressProperty()));
        c.setPrefWidth(width);
        return c;
    }

    private TableColumn<JobRow, JobProgress> progressColumn() {
        TableColumn<JobRow, JobProgress> c = new TableColumn<>(text.get("queue.col.progress"));
        c.setCellValueFactory(d -> d.getValue().progressProperty());
        c.setPrefWidth(130);
        c.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(JobProgress j, boolean empty) {
                super.updateItem(j, empty);
                if (empty || j == null) {
                    setGraphic(null);
                    return;
                }
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.setProgress(j.bytesTotal() > 0 ? Math.min(1, (double) j.bytesDone() / j.bytesTotal())
                        : j.state() == JobState.DONE ? 1 : j.state() == JobState.RUNNING ? -1 : 0);
                setGraphic(bar);
            }
        });
        return c;
    }

    /** "4:05" or "1:02:09", rounded up to the second; empty while unknown. */
    private static String eta(Duration left) {
        if (left == null) {
            return "";
        }
        long seconds = (left.toMillis() + 999) / 1000;
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    private ContextMenu menu(Consumer<Path> openFolder) {
        MenuItem pause = item("queue.pause", () -> model.queue().pause(selectedIds()));
        MenuItem resume = item("queue.resume", () -> model.queue().resume(selectedIds()));
        MenuItem cancel = item("queue.cancel", () -> model.queue().cancel(selectedIds()));
        MenuItem retry = item("queue.retry", () -> model.queue().retry(selectedIds()));
        MenuItem remove = item("queue.remove", () -> model.queue().remove(selectedIds()));
        MenuItem open = item("queue.openFolder", () -> {
            JobRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                JobProgress j = row.progress();
                Path p = Path.of(j.localPath());
                openFolder.accept(j.job().directory() ? p : p.toAbsolutePath().getParent());
            }
        });
        ContextMenu menu = new ContextMenu(pause, resume, cancel, retry, remove, open);
        // what applies to at least one of the selected jobs, as FileZilla's queue menu greys out the rest
        menu.setOnShowing(e -> {
            List<JobState> states = table.getSelectionModel().getSelectedItems().stream()
                    .map(r -> r.progress().state()).toList();
            pause.setDisable(states.stream().noneMatch(st -> st == JobState.QUEUED || st == JobState.RUNNING));
            resume.setDisable(!states.contains(JobState.PAUSED));
            cancel.setDisable(states.stream().allMatch(JobState::isFinished));
            retry.setDisable(states.stream().noneMatch(JobState::canRetry));
            remove.setDisable(states.isEmpty());
            open.setDisable(states.size() != 1);
        });
        return menu;
    }

    private MenuItem item(String key, Runnable r) {
        MenuItem m = new MenuItem(text.get(key));
        m.setId(key);
        m.setOnAction(e -> r.run());
        return m;
    }

    private List<Long> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream().map(JobRow::id).toList();
    }
}
