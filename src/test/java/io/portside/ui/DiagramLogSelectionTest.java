package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.diagnose.diagram.DiagramElement;
import io.portside.ftp.event.LogLine;
import io.portside.ui.diagram.DiagramView;
import java.nio.file.Files;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;

/** A click on a diagram row selects the matching protocol-log line, and selecting a line highlights its row. */
class DiagramLogSelectionTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        Files.writeString(serverRoot.resolve("a.txt"), "x");
    }

    @SuppressWarnings("unchecked")
    private ListView<LogLine> log() {
        return lookup("#protocolLog").queryAs(ListView.class);
    }

    @Test
    void diagramAndLogSelectEachOther() {
        connectAndWaitForListing();
        interact(() -> lookup("#bottomTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        DiagramView view = lookup(".scroll-pane").match(n -> n instanceof DiagramView).query();
        interact(() -> view.setVvalue(0));
        DiagramElement first = call(() -> view.elementAt(55));
        assertNotNull(first, "the diagram has rows");

        clickOn(point(view.canvas()).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(200, 55)));
        assertEquals(first, call(view::selected));
        LogLine selected = call(() -> log().getSelectionModel().getSelectedItem());
        assertNotNull(selected, "a log line is selected");
        assertEquals(first.source().time(), selected.time());
        assertEquals(first.source().connection(), selected.connection());

        interact(() -> lookup("#bottomTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        int user = call(() -> {
            for (int i = 0; i < log().getItems().size(); i++) {
                if (log().getItems().get(i).text().startsWith("USER ")) {
                    return i;
                }
            }
            return -1;
        });
        assertTrue(user >= 0, "USER is logged");
        interact(() -> log().getSelectionModel().clearAndSelect(user));
        LogLine userLine = call(() -> log().getItems().get(user));
        DiagramElement highlighted = call(view::selected);
        assertNotNull(highlighted);
        assertEquals(userLine.time(), highlighted.source().time());
        assertTrue(highlighted.source() instanceof io.portside.ftp.event.ProtocolEvent.CommandSent c
                && c.command().startsWith("USER"), String.valueOf(highlighted.source()));
    }
}
