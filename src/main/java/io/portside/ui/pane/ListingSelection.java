package io.portside.ui.pane;

import io.portside.files.FileEntry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.TableView;

/**
 * The table's selection when a new listing replaces its rows: a refresh of the same folder keeps
 * the rows selected by name (as FileZilla does); another folder starts with none selected.
 * Clearing first also spares the FX thread the selection model's own search for the old
 * selected row among the new entries, one {@code equals} per entry (20,000 of them).
 */
final class ListingSelection {
    private final TableView<FileEntry> table;
    private final FilePaneViewModel model;
    private String shownFolder = "";
    private Set<String> keep = Set.of();

    private ListingSelection(TableView<FileEntry> table, FilePaneViewModel model) {
        this.table = table;
        this.model = model;
    }

    /**
     * Call before the table's items are bound to the listing: this must hear of a new listing
     * first, so an invalidation listener (those are told before change listeners).
     */
    static void install(TableView<FileEntry> table, FilePaneViewModel model) {
        ListingSelection s = new ListingSelection(table, model);
        model.listing().addListener(o -> s.beforeSwap());
        // invalidation again: a change listener is not told of a refresh whose entries are equal
        table.itemsProperty().addListener(o -> s.afterSwap(table.getItems()));
    }

    private void beforeSwap() {
        List<FileEntry> selected = table.getSelectionModel().getSelectedItems();
        keep = Set.of();
        if (model.folder().get().equals(shownFolder) && !selected.isEmpty()) {
            keep = new HashSet<>();
            for (FileEntry e : selected) {
                keep.add(e.name());
            }
        }
        table.getSelectionModel().clearSelection();
    }

    private void afterSwap(List<FileEntry> rows) {
        shownFolder = model.folder().get();
        if (keep.isEmpty() || rows == null) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (keep.contains(rows.get(i).name())) {
                table.getSelectionModel().select(i);
            }
        }
        keep = Set.of();
    }
}
