package io.portside.ui.dialog;

import io.portside.diagnose.DiagnosisReport;
import io.portside.ftp.event.Units;
import io.portside.ui.fx.UiText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Connection › Diagnose connection…: the connection doctor's result: one row per step (log in, PASV, EPSV, PORT, EPRT),
 * what went wrong in words, and what to use. The report is built without the password, so it
 * can be copied or saved and sent to someone; "Redact host names" also hides the addresses.
 * The window runs the doctor and calls {@link #progress} and {@link #show(DiagnosisReport)}.
 */
public final class DiagnoseDialog extends Dialog<Void> {
    private final UiText text;
    private final Executor io;
    private final TableView<DiagnosisReport.Row> table = new TableView<>();
    private final Label progress = new Label();
    private final Label explanations = new Label();
    private final Label recommendation = new Label();
    private final CheckBox redact;
    private final Button copy;
    private final Button save;
    private DiagnosisReport report;

    public DiagnoseDialog(Window owner, UiText text, String target, Executor io) {
        this.text = text;
        this.io = io;
        initOwner(owner);
        setResizable(true);
        setTitle(text.get("diagnose.title"));
        setHeaderText(text.get("diagnose.header", target));
        getDialogPane().setId("diagnoseDialog");
        getDialogPane().getProperties().put(DiagnoseDialog.class, this);
        table.setId("diagnoseTable");
        table.setPrefSize(720, 260);
        table.setPlaceholder(new Label(text.get("diagnose.running")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(text.get("diagnose.method"), 80, r -> r.step()));
        table.getColumns().add(column(text.get("diagnose.result"), 90, DiagnosisReport.Row::result));
        table.getColumns().add(column(text.get("diagnose.time"), 80, r -> r.took() == null ? "–" : Units.duration(r.took())));
        TableColumn<DiagnosisReport.Row, String> details = column(text.get("diagnose.details"), 400,
                r -> hosts().apply(r.details()));
        details.setCellFactory(c -> new WrappingCell(c));
        table.getColumns().add(details);
        progress.setId("diagnoseProgress");
        explanations.setId("diagnoseExplanations");
        recommendation.setId("diagnoseRecommendation");
        for (Label l : List.of(explanations, recommendation, progress)) {
            l.setWrapText(true);
            l.setMaxWidth(720);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // every line of a long explanation, not "(…"
        }
        redact = new CheckBox(text.get("diagnose.redact"));
        redact.setId("diagnoseRedact");
        redact.selectedProperty().addListener((o, a, b) -> fill());
        copy = new Button(text.get("diagnose.copy"));
        copy.setId("diagnoseCopy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(reportText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            progress.setText(text.get("diagnose.copied"));
        });
        save = new Button(text.get("diagnose.save"));
        save.setId("diagnoseSave");
        save.setOnAction(e -> chooseFile());
        copy.setDisable(true);
        save.setDisable(true);
        Label whatWrong = new Label(text.get("diagnose.whatWentWrong"));
        whatWrong.getStyleClass().add("section-title");
        whatWrong.visibleProperty().bind(explanations.textProperty().isNotEmpty());
        whatWrong.managedProperty().bind(whatWrong.visibleProperty());
        Label recommend = new Label(text.get("diagnose.recommendation"));
        recommend.getStyleClass().add("section-title");
        recommend.visibleProperty().bind(recommendation.textProperty().isNotEmpty());
        getDialogPane().setContent(new VBox(8, table, progress, whatWrong, explanations, recommend, recommendation,
                new HBox(10, redact, copy, save)));
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }

    private static TableColumn<DiagnosisReport.Row, String> column(String title, double width,
            java.util.function.Function<DiagnosisReport.Row, String> value) {
        TableColumn<DiagnosisReport.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    /** Details are whole sentences (what failed and why): wrapped, never cut off. */
    private static final class WrappingCell extends javafx.scene.control.TableCell<DiagnosisReport.Row, String> {
        private final javafx.scene.text.Text content = new javafx.scene.text.Text();

        WrappingCell(TableColumn<DiagnosisReport.Row, String> column) {
            // The column's width, not the cell's: the row height is computed before the cell is sized.
            content.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
            setGraphic(content);
            setPrefHeight(USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            content.setText(empty || item == null ? "" : item);
            setText(null);
        }
    }

    /** One finished step, while the doctor runs ("PASV  OK  12 ms"). FX thread. */
    public void progress(String line) {
        progress.setText(line);
    }

    /** The finished report. FX thread. */
    public void show(DiagnosisReport finished) {
        this.report = finished;
        progress.setText(text.get("diagnose.done"));
        copy.setDisable(false);
        save.setDisable(false);
        fill();
    }

    private UnaryOperator<String> hosts() {
        return report != null && redact.isSelected() ? report.hostRedactor() : s -> s;
    }

    private void fill() {
        if (report == null) {
            return;
        }
        table.getItems().setAll(report.rows());
        table.refresh();
        explanations.setText(bullets(report.explanations()));
        recommendation.setText(bullets(report.recommendation()));
    }

    private String bullets(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(b.isEmpty() ? "" : "\n").append("• ").append(hosts().apply(l));
        }
        return b.toString();
    }

    /** The report as copied and saved: plain text, redacted when the box is ticked. */
    public String reportText() {
        return report == null ? "" : report.toText(redact.isSelected());
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("portside-diagnosis.txt");
        var file = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
        if (file != null) {
            saveTo(file.toPath());
        }
    }

    /** Writes the report text on the I/O worker; says where in the dialog. */
    public void saveTo(Path file) {
        String content = reportText();
        io.execute(() -> {
            String done;
            try {
                Files.writeString(file, content, StandardCharsets.UTF_8);
                done = text.get("diagnose.saved", file);
            } catch (java.io.IOException e) {
                done = e.getMessage();
            }
            String message = done;
            javafx.application.Platform.runLater(() -> progress.setText(message));
        });
    }
}
