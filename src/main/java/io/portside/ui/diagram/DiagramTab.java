package io.portside.ui.diagram;

import io.portside.diagnose.diagram.AsciiDiagram;
import io.portside.diagnose.diagram.DiagramElement;
import io.portside.diagnose.diagram.SequenceDiagramModel;
import io.portside.diagnose.diagram.SessionDiagrams;
import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ui.fx.UiText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * The handshake diagram tab: a connection picker (the browse session, each transfer worker's,
 * the doctor's attempts), what the TCP rows come from (captured packets or socket events), the
 * {@link DiagramView} of the picked session, and PNG / text export. It follows the browse
 * session the user opens; picking another session keeps that one shown. FX thread only.
 */
public final class DiagramTab extends BorderPane {
    /** Asks where to save; null when the user cancels. */
    @FunctionalInterface
    public interface SaveChooser {
        Path choose(String initialName);
    }

    private final SessionDiagrams sessions;
    private final UiText text;
    private final Executor io;
    private final Consumer<String> status;
    private final ComboBox<ConnectionId> picker = new ComboBox<>();
    private final Label source = new Label();
    private final Runnable sourceChanged = () -> Platform.runLater(this::updateSource);
    private SaveChooser chooser = this::fileChooser;
    private Consumer<DiagramElement> onSelect = e -> { };
    private SequenceDiagramModel model;
    private DiagramView view;
    private boolean followBrowse = true;

    /** @param status shows where an export went (the window's status bar) */
    public DiagramTab(SessionDiagrams sessions, UiText text, Executor io, Consumer<String> status) {
        this.sessions = sessions;
        this.text = text;
        this.io = io;
        this.status = status;
        picker.setId("diagramConnection");
        picker.setPromptText(text.get("tab.diagram"));
        picker.valueProperty().addListener((o, a, id) -> {
            if (id != null) {
                show(id);
            }
        });
        source.setId("diagramSource");
        Button png = new Button(text.get("diagram.exportPng"));
        png.setId("diagramExportPng");
        png.setOnAction(e -> exportPng());
        Button txt = new Button(text.get("diagram.exportText"));
        txt.setId("diagramExportText");
        txt.setOnAction(e -> exportText());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(6, new Label(text.get("diagram.connection")), picker, source, grow, png, txt);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        setTop(bar);
        setCenter(new Label(text.get("diagram.empty")));
        sessions.onSessionAdded(id -> Platform.runLater(() -> added(id)));
    }

    /** Called with the row the user clicked (to select its log line). */
    public void setOnSelect(Consumer<DiagramElement> handler) {
        onSelect = handler == null ? e -> { } : handler;
        if (view != null) {
            view.setOnSelect(onSelect);
        }
    }

    /** Where exports are saved (a file chooser unless replaced). */
    public void setSaveChooser(SaveChooser c) {
        chooser = c;
    }

    /** The next browse session to start is shown (the user is connecting). */
    public void followNextBrowse() {
        followBrowse = true;
    }

    /** The diagram shown, or null before any session. */
    public DiagramView view() {
        return view;
    }

    public ComboBox<ConnectionId> picker() {
        return picker;
    }

    /** Shows the session {@code event} belongs to, with its row highlighted (a selected log line). */
    public boolean select(ProtocolEvent event) {
        SequenceDiagramModel of = sessions.of(event.connection()).orElse(null);
        if (of == null) {
            return false;
        }
        if (of != model) {
            picker.setValue(ConnectionId.control(event.connection().owner(), event.connection().session()));
        }
        return view.select(event);
    }

    private void added(ConnectionId id) {
        // added and removed one by one: replacing the items would clear the picked value
        List<ConnectionId> kept = sessions.sessions();
        picker.getItems().removeIf(c -> !kept.contains(c) && !c.equals(picker.getValue()));
        if (!picker.getItems().contains(id)) {
            picker.getItems().add(id);
        }
        if (model == null || (followBrowse && "browse".equals(id.owner()))) {
            followBrowse = followBrowse && !"browse".equals(id.owner());
            picker.setValue(id);
        }
    }

    private void show(ConnectionId id) {
        SequenceDiagramModel m = sessions.of(id).orElse(null);
        if (m == null || m == model) {
            return;
        }
        if (model != null) {
            model.removeListener(sourceChanged);
        }
        model = m;
        m.addListener(sourceChanged);
        view = new DiagramView(m);
        view.setOnSelect(onSelect);
        setCenter(view);
        updateSource();
    }

    private void updateSource() {
        if (model != null) {
            source.setText(text.get(model.packetsCaptured()
                    ? "diagram.source.captured" : "diagram.source.inferred"));
        }
    }

    private String baseName() {
        ConnectionId id = picker.getValue();
        return "portside-diagram" + (id == null ? "" : "-" + id.toString().replaceAll("[^A-Za-z0-9.]+", "-"));
    }

    /** Exports the whole diagram (not only the visible part) as a PNG, where the chooser says. */
    public void exportPng() {
        Path file = view == null ? null : chooser.choose(baseName() + ".png");
        if (file != null) {
            try {
                view.exportPng(file);
                status.accept(text.get("diagram.exported", file));
            } catch (IOException | RuntimeException e) {
                status.accept(text.get("diagram.exportFailed", file, e.getMessage()));
            }
        }
    }

    /** Exports the diagram as ASCII text (the packets too, when captured), written on the I/O worker. */
    public void exportText() {
        Path file = model == null ? null : chooser.choose(baseName() + ".txt");
        if (file != null) {
            String ascii = AsciiDiagram.render(model);
            io.execute(() -> {
                String said;
                try {
                    Files.writeString(file, ascii, StandardCharsets.UTF_8);
                    said = text.get("diagram.exported", file);
                } catch (IOException e) {
                    said = text.get("diagram.exportFailed", file, e.getMessage());
                }
                String s = said;
                Platform.runLater(() -> status.accept(s));
            });
        }
    }

    private Path fileChooser(String initialName) {
        FileChooser c = new FileChooser();
        c.setInitialFileName(initialName);
        var f = c.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return f == null ? null : f.toPath();
    }
}
