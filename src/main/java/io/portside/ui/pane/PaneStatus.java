package io.portside.ui.pane;

import io.portside.files.FileEntry;
import io.portside.ftp.event.Units;
import io.portside.ui.fx.UiText;
import java.util.List;

/** The pane's status line: "12 files, 3 folders, 4.2 MiB — 2 selected (1.1 MiB)". */
final class PaneStatus {
    private PaneStatus() {
    }

    /**
     * What a listing holds, counted once on the listing worker: with 20,000 entries, counting
     * on the FX thread each time the selection changes would stall the window.
     */
    record Totals(long files, long folders, long bytes) {
        static final Totals NONE = new Totals(0, 0, 0);

        static Totals of(List<FileEntry> entries) {
            long files = 0;
            long bytes = 0;
            for (FileEntry e : entries) {
                if (!e.directory()) {
                    files++;
                    bytes += Math.max(0, e.size());
                }
            }
            return new Totals(files, entries.size() - files, bytes);
        }
    }

    static String describe(UiText text, Totals all, List<FileEntry> selected) {
        String line = text.get("pane.status", all.files(), all.folders(), Units.size(all.bytes()));
        if (!selected.isEmpty()) {
            line += text.get("pane.status.selection", selected.size(), Units.size(Totals.of(selected).bytes()));
        }
        return line;
    }
}
