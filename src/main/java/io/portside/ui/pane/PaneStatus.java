package io.portside.ui.pane;

import io.portside.files.FileEntry;
import io.portside.ftp.event.Units;
import io.portside.ui.fx.UiText;
import java.util.List;

/** The pane's status line: "12 files, 3 folders, 4.2 MiB — 2 selected (1.1 MiB)". */
final class PaneStatus {
    private PaneStatus() {
    }

    static String describe(UiText text, List<FileEntry> all, List<FileEntry> selected) {
        long files = all.stream().filter(e -> !e.directory()).count();
        long folders = all.size() - files;
        long bytes = all.stream().filter(e -> !e.directory() && e.size() > 0).mapToLong(FileEntry::size).sum();
        String line = text.get("pane.status", files, folders, Units.size(bytes));
        if (!selected.isEmpty()) {
            long sel = selected.stream().filter(e -> !e.directory() && e.size() > 0).mapToLong(FileEntry::size).sum();
            line += text.get("pane.status.selection", selected.size(), Units.size(sel));
        }
        return line;
    }
}
