package io.portside.ui.pane;

import io.portside.files.FileEntry;
import java.util.List;

/**
 * The drag in progress between the window's two panes: where it started and what it carries
 * (the entries, with their sizes and folder flags). One per window, shared by both panes.
 */
public final class DragSession {
    FilePane source;
    List<FileEntry> entries = List.of();

    void start(FilePane from, List<FileEntry> what) {
        source = from;
        entries = List.copyOf(what);
    }

    void clear() {
        source = null;
        entries = List.of();
    }
}
