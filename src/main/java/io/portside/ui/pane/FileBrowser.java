package io.portside.ui.pane;

import io.portside.files.FileEntry;
import io.portside.files.FileSystemView;
import java.io.IOException;
import java.util.List;

/**
 * What a pane browses: the local disk or the remote server. Every method may block and is
 * called on the pane's own worker thread, never on the FX thread.
 *
 * <p>Listing and file operations live once, in {@link io.portside.files.FileSystemView} (shared
 * with the transfer queue), and its entries are the pane's rows; a browser only adds what only a
 * pane needs: where it opens, typed paths, and parent/child folders with "null at the root".
 */
public interface FileBrowser {

    /** Where the pane opens. */
    String home() throws IOException;

    List<FileEntry> list(String folder) throws IOException;

    /** The parent folder, or null at the root. */
    String parent(String folder);

    String child(String folder, String name);

    /** Normalises a typed path (e.g. "~" or a relative name) into a folder to list. */
    String resolve(String current, String typed);

    void mkdir(String path) throws IOException;

    void rename(String from, String to) throws IOException;

    /** Deletes a file, or a folder with everything in it. */
    void delete(FileEntry entry) throws IOException;

    boolean isRemote();

    /** Whether {@code path} is a folder that can be opened (false when missing or a file). */
    boolean isFolder(String path) throws IOException;

    /**
     * The file system behind the pane, for work that is more than a listing (comparing the two
     * panes, making a synchronization's folders), ready for operations in {@code folder}.
     */
    FileSystemView files(String folder) throws IOException;
}
