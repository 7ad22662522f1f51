package io.portside.ui;

import io.portside.diagnose.diagram.SessionDiagrams;
import io.portside.ftp.event.LogLine;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ui.diagram.DiagramTab;
import io.portside.ui.fx.UiText;
import io.portside.ui.log.LogView;
import io.portside.ui.log.LogViewModel;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The protocol log and the handshake diagram, kept in step: every session on the bus gets a
 * diagram ({@link SessionDiagrams}) the diagram tab can show, a click on a diagram row selects
 * its log line, and a selected log line shows its session's diagram with the row highlighted.
 * FX thread only.
 */
final class LogAndDiagram implements AutoCloseable {
    private final LogViewModel log;
    private final LogView logView;
    private final ProtocolEventBus.Subscription diagramFeed;
    private final DiagramTab diagram;

    /** @param status shows where a diagram export went */
    LogAndDiagram(ProtocolEventBus bus, LogViewModel log, LogView logView, UiText text, Executor io,
                  Consumer<String> status) {
        this.log = log;
        this.logView = logView;
        SessionDiagrams sessions = new SessionDiagrams(text.locale());
        this.diagram = new DiagramTab(sessions, text, io, status);
        this.diagramFeed = bus.subscribe("diagrams", sessions::accept);
        diagram.setOnSelect(element -> selectLogLine(log.lineOf(element.source())));
        logView.list().getSelectionModel().selectedItemProperty().addListener((o, a, line) -> selectDiagramRow(line));
    }

    LogView logView() {
        return logView;
    }

    /** The diagram tab's content: picker, source, export and the picked session's diagram. */
    DiagramTab diagram() {
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
        if (e != null) {
            diagram.select(e);
        }
    }

    /** Stops feeding the diagrams from the bus. */
    @Override
    public void close() {
        diagramFeed.close();
    }
}
