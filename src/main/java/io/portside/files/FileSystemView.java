package io.portside.files;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Local disk and an FTP server behind the same small set of operations, so that a copy is
 * written once for both directions (and the two panes of the UI can share the code). Paths
 * are strings in the side's own syntax. Like the FTP session behind it, a view is used by one
 * thread at a time, except {@link #abort()}.
 */
public interface FileSystemView {

    /** The entry at {@code path}, or null when nothing (or nothing readable as a file) is there. */
    FileEntry stat(String path) throws IOException;

    /** The modification time, or null when this side cannot tell. */
    Instant modified(String path) throws IOException;

    List<FileEntry> list(String dir) throws IOException;

    /** Reads from {@code offset}; close it to finish (for FTP, closing early aborts). */
    InputStream openRead(String path, long offset) throws IOException;

    /** Writes from {@code offset}: 0 creates or truncates {@code path}, more continues it there. */
    OutputStream openWrite(String path, long offset) throws IOException;

    /** Renames, replacing {@code to} when it exists. */
    void rename(String from, String to) throws IOException;

    void delete(String path) throws IOException;

    /** Creates the folder and any missing parents; an existing folder is fine. */
    void mkdirs(String path) throws IOException;

    /** Sets the modification time; false when this side cannot. */
    boolean setModified(String path, Instant time) throws IOException;

    String child(String dir, String name);

    /** The folder that holds {@code path}. */
    String parent(String path);

    /** Stops a transfer in progress, from any thread. */
    void abort();

    /** Puts a line into the protocol log of the connection behind this view (none for the local disk). */
    default void report(Function<ConnectionId, ProtocolEvent> event) {
        // the local disk has no connection and no log of its own
    }

    /** True for the FTP side: its failures are network failures, which may pass. */
    boolean isRemote();
}
