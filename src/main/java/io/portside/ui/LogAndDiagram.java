package io.portside.ui;

import io.portside.diagnose.diagram.SequenceDiagramModel;
import io.portside.ftp.event.LogLine;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ui.diagram.DiagramView;
import io.portside.ui.log.LogView;
import io.portside.ui.log.LogViewModel;
import javafx.scene.Node;

/**
 * The protocol log and the handshake diagram, kept in step: each connection attempt gets a
 * fresh diagram fed from the bus, a click on a diagram row selects its log line, and a selected
 * log line highlights its diagram row. FX thread only.
 */
final class LogAndDiagram implements AutoCloseable {
    private final ProtocolEventBus bus;
    private final LogViewModel log;
    private final LogView logView;
    private ProtocolEventBus.Subscription diagramFeed;
    private DiagramView diagram;

    LogAndDiagram(ProtocolEventBus bus, LogViewModel log, LogView logView) {
        this.bus = bus;
        this.log = log;
        this.logView = logView;
        logView.list().getSelectionModel().selectedItemProperty().addListener((o, a, line) -> selectDiagramRow(line));
    }

    LogView logView() {
        return logView;
    }

    /**
     * A fresh handshake diagram for the browse connection being opened. Only the browse session
     * is drawn: the diagram keeps every element, so it follows the connection a user watches,
     * not every transfer worker.
     */
    Node newDiagram() {
        if (diagramFeed != null) {
            diagramFeed.close();
        }
        SequenceDiagramModel model = new SequenceDiagramModel(id -> "browse".equals(id.owner()));
        diagramFeed = bus.subscribe(model::accept);
        diagram = new DiagramView(model);
        diagram.setOnSelect(element -> selectLogLine(log.lineOf(element.source())));
        return diagram;
    }

    /** A click on a diagram row selects its line in the protocol log (when the filters show it). */
    private void selectLogLine(LogLine line) {
        var list = logView.list();
        int i = line == null ? -1 : list.getItems().indexOf(line);
        if (i >= 0) {
            list.getSelectionModel().clearAndSelect(i);
            list.scrollTo(i);
        }
    }

    /** A selected log line highlights its row in the diagram. */
    private void selectDiagramRow(LogLine line) {
        ProtocolEvent e = log.eventOf(line);
        if (diagram != null && e != null) {
            diagram.select(e);
        }
    }

    /** Stops feeding the current diagram from the bus. */
    @Override
    public void close() {
        if (diagramFeed != null) {
            diagramFeed.close();
        }
    }
}
