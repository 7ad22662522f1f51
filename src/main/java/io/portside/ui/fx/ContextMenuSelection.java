package io.portside.ui.fx;

import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;

/**
 * A right click on a row that is not selected selects it before the menu opens, so the menu's
 * actions apply to the row under the pointer (as in FileZilla and every file manager), not to
 * an older selection or to nothing. A right click inside the selection keeps it whole.
 */
public final class ContextMenuSelection {
    private ContextMenuSelection() {
    }

    public static void install(TableView<?> table) {
        table.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            TableRow<?> row = rowOf(e.getPickResult().getIntersectedNode());
            if (row != null && !row.isEmpty() && !row.isSelected()) {
                table.getSelectionModel().clearAndSelect(row.getIndex());
            }
        });
    }

    private static TableRow<?> rowOf(Node n) {
        while (n != null && !(n instanceof TableRow<?>)) {
            n = n.getParent();
        }
        return (TableRow<?>) n;
    }
}
