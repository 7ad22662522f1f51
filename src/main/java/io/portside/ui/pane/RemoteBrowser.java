package io.portside.ui.pane;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.RemoteFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The server, through the "browse" session (used only from the browse worker thread). */
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

    @Override
    public String home() throws IOException {
        return session().pwd();
    }

    @Override
    public List<FileEntry> list(String folder) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        for (RemoteFile f : session().list(folder)) {
            if (f.name().equals(".") || f.name().equals("..")) {
                continue;
            }
            FileEntry.Kind kind = f.isDirectory() ? FileEntry.Kind.FOLDER
                    : f.type() == RemoteFile.Type.LINK ? FileEntry.Kind.LINK : FileEntry.Kind.FILE;
            out.add(new FileEntry(f.name(), RemotePaths.child(folder, f.name()), kind,
                    f.isDirectory() ? -1 : f.size(), f.modified(), f.permissions(), f.owner()));
        }
        return out;
    }

    @Override
    public String parent(String folder) {
        return RemotePaths.parent(folder);
    }

    @Override
    public String child(String folder, String name) {
        return RemotePaths.child(folder, name);
    }

    @Override
    public String resolve(String current, String typed) {
        return RemotePaths.resolve(current, typed);
    }

    @Override
    public void mkdir(String path) throws IOException {
        session().mkdir(path);
    }

    @Override
    public void rename(String from, String to) throws IOException {
        session().rename(from, to);
    }

    @Override
    public void delete(FileEntry entry) throws IOException {
        if (!entry.isFolder()) {
            session().delete(entry.path());
            return;
        }
        for (FileEntry child : list(entry.path())) {
            delete(child);
        }
        session().rmdir(entry.path());
    }

    /** SITE CHMOD with an octal mode such as 644. */
    public void chmod(String path, String octal) throws IOException {
        session().chmod(path, octal);
    }

    @Override
    public boolean isRemote() {
        return true;
    }
}
