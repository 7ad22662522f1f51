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

    /**
     * Reads from {@code offset}, as text or as bytes; close it to finish (for FTP, closing early
     * aborts). Only the FTP side tells the two apart: in ASCII its stream turns the wire's CRLF
     * into this system's line ends, so the local side reads bytes either way.
     */
    InputStream openRead(String path, long offset, TransferType type) throws IOException;

    /**
     * Writes from {@code offset}, as text or as bytes (see {@link #openRead}): 0 creates or
     * truncates {@code path}, more continues it there.
     */
    OutputStream openWrite(String path, long offset, TransferType type) throws IOException;

    /**
     * Renames. With {@code replace} an existing {@code to} is replaced (a finished download's
     * {@code .part}); without, nothing is asked to be replaced (a user's rename): the local disk
     * fails when {@code to} exists, a server gets a single RNFR/RNTO and what happens to an
     * existing {@code to} is its choice.
     */
    void rename(String from, String to, boolean replace) throws IOException;

    /** Deletes a file, or (when {@code folder}) a folder with everything in it; fails when nothing is there. */
    void delete(String path, boolean folder) throws IOException;

    /**
     * Makes a folder. With {@code parents}, any missing parent folders too, and a folder already
     * there is fine; without, exactly one folder, failing (with this side's own reason) when
     * something is there already or its parent is missing.
     *
     * @return true when this call made the folder (so it is empty); false when it was there
     *     already, or when this side cannot tell: then nothing is assumed about its contents
     */
    boolean makeFolder(String path, boolean parents) throws IOException;

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
