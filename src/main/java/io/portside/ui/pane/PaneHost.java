package io.portside.ui.pane;

import io.portside.files.FileEntry;
import java.io.File;
import java.util.List;

/** What a pane asks of the window around it: transfers to the other side, dialogs. */
public interface PaneHost {

    /** Queue a transfer of {@code entries} from {@code source} into the other pane's current folder. */
    void transfer(FilePane source, List<FileEntry> entries);

    /** Entries dragged from {@code source} were dropped on {@code target}, into {@code folder}. */
    void dropped(FilePane source, List<FileEntry> entries, FilePane target, String folder);

    /** Files dragged in from the operating system's file manager were dropped on {@code target}. */
    void droppedFromDesktop(List<File> files, FilePane target, String folder);

    boolean confirmDelete(List<FileEntry> entries);

    /** Asks for a name (new folder, rename); null when cancelled. */
    String askName(String title, String initial);

    /** Shows an entry's details; on the remote side lets the user change its permissions. */
    void properties(FilePane pane, FileEntry entry);
}
