package io.portside.ui.pane;

import io.portside.files.FileEntry;
import io.portside.files.FileSystemView;
import io.portside.files.FtpFiles;
import io.portside.files.RemotePath;
import io.portside.ftp.FtpException;
import io.portside.ftp.FtpReplyException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.event.FailureCause;
import java.io.IOException;
import java.util.List;

/**
 * The server, through the "browse" session (used only from the browse worker thread):
 * {@link FtpFiles} (shared with the transfer queue) does the listing and the file operations;
 * this adds the pane's own path handling, and one silent reconnect when the server had closed
 * the connection (the session's connection is then replaced, back in the same folder).
 */
public final class RemoteBrowser implements FileBrowser {
    /** The browse session for an operation in {@code folder}: connected, or connected again. */
    @FunctionalInterface
    public interface Sessions {
        FtpSession live(String folder) throws FtpException;
    }

    private final Sessions sessions;

    public RemoteBrowser(Sessions sessions) {
        this.sessions = sessions;
    }

    private interface Operation<T> {
        T run(FtpSession session) throws IOException;
    }

    /**
     * Runs {@code op} on the live session. When the server closed the connection just before
     * (not noticed yet), the operation fails having changed nothing: it runs once more on a new one.
     */
    private <T> T call(String folder, Operation<T> op) throws IOException {
        FtpSession s = sessions.live(folder);
        try {
            return op.run(s);
        } catch (FtpException e) {
            if (e.failure() != FailureCause.CLOSED || s.isConnected()) {
                throw e;
            }
            return op.run(sessions.live(folder));
        }
    }

    @Override
    public String home() throws IOException {
        return call("/", FtpSession::pwd);
    }

    @Override
    public List<FileEntry> list(String folder) throws IOException {
        return call(folder, s -> {
            List<FileEntry> entries = new FtpFiles(s).browse(folder);
            if (entries.isEmpty()) {
                // some servers (Apache FtpServer among them) list a missing folder as an empty one:
                // a CWD tells the two apart, so the pane never shows a folder that is not there
                s.cwd(folder);
            }
            return entries;
        });
    }

    @Override
    public String parent(String folder) {
        RemotePath parent = RemotePath.of(folder).parent();
        return parent == null ? null : parent.toString();
    }

    @Override
    public String child(String folder, String name) {
        return RemotePath.of(folder).child(name).toString();
    }

    @Override
    public String resolve(String current, String typed) {
        return RemotePath.of(current).resolve(typed.strip()).toString();
    }

    @Override
    public void mkdir(String path) throws IOException {
        call(parent(path), s -> {
            new FtpFiles(s).makeFolder(path, false);
            return null;
        });
    }

    /** A plain RNFR/RNTO: unlike the queue's rename, it never deletes an existing target first. */
    @Override
    public void rename(String from, String to) throws IOException {
        call(parent(from), s -> {
            new FtpFiles(s).rename(from, to, false);
            return null;
        });
    }

    @Override
    public void delete(FileEntry entry) throws IOException {
        call(parent(entry.path()), s -> {
            new FtpFiles(s).delete(entry.path(), entry.directory());
            return null;
        });
    }

    /** SITE CHMOD with an octal mode such as 644. */
    public void chmod(String path, String octal) throws IOException {
        call(parent(path), s -> {
            s.files().chmod(path, octal);
            return null;
        });
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    /** A CWD tells: SIZE refuses folders, and a listing of a missing folder may come back empty. */
    @Override
    public boolean isFolder(String path) throws IOException {
        return call(parent(path) == null ? "/" : parent(path), s -> {
            try {
                s.cwd(path);
                return true;
            } catch (FtpReplyException refused) {
                return false;
            }
        });
    }

    @Override
    public FileSystemView files(String folder) throws IOException {
        return new FtpFiles(sessions.live(folder));
    }
}
