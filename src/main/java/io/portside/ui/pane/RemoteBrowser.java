package io.portside.ui.pane;

import io.portside.files.FileEntry;
import io.portside.files.FtpFiles;
import io.portside.files.RemotePath;
import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server, through the "browse" session (used only from the browse worker thread):
 * {@link FtpFiles} (shared with the transfer queue) does the listing and the file operations;
 * this adds only the pane's own path handling and the "not connected" check.
 */
public final class RemoteBrowser implements FileBrowser {
    private final Supplier<FtpSession> session;

    public RemoteBrowser(Supplier<FtpSession> session) {
        this.session = session;
    }

    private FtpSession session() throws FtpException {
        FtpSession s = session.get();
        if (s == null || !s.isConnected()) {
            throw new FtpException("not connected");
        }
        return s;
    }

    /** The session can change on reconnect, so a view is made per call (it holds nothing else). */
    private FtpFiles files() throws FtpException {
        return new FtpFiles(session());
    }

    @Override
    public String home() throws IOException {
        return session().pwd();
    }

    @Override
    public List<FileEntry> list(String folder) throws IOException {
        List<FileEntry> entries = files().browse(folder);
        if (entries.isEmpty()) {
            // some servers (Apache FtpServer among them) list a missing folder as an empty one:
            // a CWD tells the two apart, so the pane never shows a folder that is not there
            session().cwd(folder);
        }
        return entries;
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
        files().makeFolder(path, false);
    }

    /** A plain RNFR/RNTO: unlike the queue's rename, it never deletes an existing target first. */
    @Override
    public void rename(String from, String to) throws IOException {
        files().renameNoReplace(from, to);
    }

    @Override
    public void delete(FileEntry entry) throws IOException {
        files().deleteTree(entry.path(), entry.directory());
    }

    /** SITE CHMOD with an octal mode such as 644. */
    public void chmod(String path, String octal) throws IOException {
        session().files().chmod(path, octal);
    }

    @Override
    public boolean isRemote() {
        return true;
    }
}
