package io.portside.ui.log;

import io.portside.ftp.event.LogKind;
import io.portside.ftp.event.LogLine;
import java.util.Locale;
import javafx.scene.control.ListCell;

/** One log line, coloured by its kind through the style class {@code log-<kind>} (see portside.css). */
final class LogCell extends ListCell<LogLine> {
    private static final String PREFIX = "log-";

    @Override
    protected void updateItem(LogLine line, boolean empty) {
        super.updateItem(line, empty);
        getStyleClass().removeIf(s -> s.startsWith(PREFIX));
        if (empty || line == null) {
            setText(null);
            return;
        }
        setText(line.render());
        getStyleClass().add(styleClass(line.kind()));
    }

    static String styleClass(LogKind kind) {
        return PREFIX + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
