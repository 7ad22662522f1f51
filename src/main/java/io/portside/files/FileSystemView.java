package io.portside.files;

import io.portside.ftp.TransferType;
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

    /** What a copy walks: files and folders only, sorted by name. */
    List<FileEntry> list(String dir) throws IOException;

    /**
     * Everything in the folder as a person browsing it sees it, in the side's own order: links
     * that resolve appear as their target (a link to a folder is a folder), others with
     * {@link FileEntry#link()}; the local disk also shows devices and sockets as files.
     */
    List<FileEntry> browse(String dir) throws IOException;

    /** Reads from {@code offset}; close it to finish (for FTP, closing early aborts). */
    InputStream openRead(String path, long offset) throws IOException;

    /** Writes from {@code offset}: 0 creates or truncates {@code path}, more continues it there. */
    OutputStream openWrite(String path, long offset) throws IOException;

    /**
     * As {@link #openRead(String, long)}, as text or as bytes. Only the FTP side changes anything:
     * in ASCII its stream turns the wire's CRLF into this system's line ends, so the local side
     * reads and writes bytes either way.
     */
    default InputStream openRead(String path, long offset, TransferType type) throws IOException {
        return openRead(path, offset);
    }

    /** As {@link #openWrite(String, long)}, as text or as bytes (see the read side). */
    default OutputStream openWrite(String path, long offset, TransferType type) throws IOException {
        return openWrite(path, offset);
    }

    /** Renames, replacing {@code to} when it exists. */
    void rename(String from, String to) throws IOException;

    /**
     * Renames without asking to replace anything: on the local disk it fails when {@code to}
     * exists; on a server it is a single RNFR/RNTO, so what happens to an existing {@code to} is
     * the server's choice.
     */
    void renameNoReplace(String from, String to) throws IOException;

    void delete(String path) throws IOException;

    /** Deletes a file, or (when {@code folder}) a folder with everything in it; fails when nothing is there. */
    void deleteTree(String path, boolean folder) throws IOException;

    /** Creates one folder; fails when it exists or its parent does not. */
    void mkdir(String path) throws IOException;

    /** Creates the folder and any missing parents; an existing folder is fine. */
    void mkdirs(String path) throws IOException;

    /**
     * As {@link #mkdirs}, saying whether this call made the folder (so it is empty). False when
     * it existed, or when the side cannot tell; then nothing is assumed about its contents.
     */
    default boolean makeFolder(String path) throws IOException {
        mkdirs(path);
        return false;
    }

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
