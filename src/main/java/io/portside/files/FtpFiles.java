package io.portside.files;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpReplyException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.RemoteFile;
import io.portside.ftp.TransferType;
import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.Notice.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A folder tree on an FTP server, through one logged-in {@link FtpSession}. */
public final class FtpFiles implements FileSystemView {
    private final FtpSession session;
    private boolean toldNoMfmt;

    public FtpFiles(FtpSession session) {
        this.session = session;
    }

    public FtpSession session() {
        return session;
    }

    /** SIZE: cheap, one command. A 550 means no such plain file; a refused SIZE means "size unknown". */
    @Override
    public FileEntry stat(String path) throws IOException {
        try {
            return new FileEntry(name(path), path, false, session.files().size(path), null);
        } catch (FtpReplyException e) {
            if (e.code() == 550 || e.code() == 450) {
                // The log shows the 5xx in red; say that here it only means "not there".
                session.report(id -> new ProtocolEvent.Notice(Instant.now(), id, Severity.INFO, "notThere",
                        List.of(path)));
                return null;
            }
            if (e.code() >= 500) {
                return new FileEntry(name(path), path, false, -1, null);
            }
            throw e;
        }
    }

    @Override
    public void report(Function<ConnectionId, ProtocolEvent> event) {
        session.report(event);
    }

    @Override
    public Instant modified(String path) throws IOException {
        if (!session.capabilities().mdtm()) {
            return null;
        }
        try {
            return session.files().modificationTime(path);
        } catch (FtpReplyException e) {
            return null;
        }
    }

    @Override
    public List<FileEntry> list(String dir) throws IOException {
        List<FileEntry> out = browse(dir);
        out.sort((x, y) -> x.name().compareTo(y.name()));
        return out;
    }

    /** The server's listing in its own order ("." and ".." are never in it). */
    @Override
    public List<FileEntry> browse(String dir) throws IOException {
        List<RemoteFile> files = session.list(dir);
        List<FileEntry> out = new ArrayList<>(files.size());
        for (RemoteFile f : files) {
            // links and unknown types are fetched as files: the server follows links on RETR
            out.add(new FileEntry(f.name(), child(dir, f.name()), f.isDirectory(), f.size(), f.modified(),
                    f.type() == RemoteFile.Type.LINK, f.permissions(), f.owner(), f.modified() == null ? null : f.timePrecision()));
        }
        return out;
    }

    /** The session's streams report a broken data connection as an FtpException already. */
    @Override
    public InputStream openRead(String path, long offset, TransferType type) throws IOException {
        return session.openDownload(path, offset, type);
    }

    @Override
    public OutputStream openWrite(String path, long offset, TransferType type) throws IOException {
        return session.openUpload(path, offset, type);
    }

    /** RNFR/RNTO; replacing, a server that refuses to rename over an existing file gets DELE first. */
    @Override
    public void rename(String from, String to, boolean replace) throws IOException {
        try {
            session.files().rename(from, to);
        } catch (FtpReplyException e) {
            if (!replace || stat(to) == null) {
                throw e;
            }
            session.files().delete(to);
            session.files().rename(from, to);
        }
    }

    /** DELE for a file; for a folder, everything in it first (depth first), then RMD. */
    @Override
    public void delete(String path, boolean folder) throws IOException {
        if (!folder) {
            session.files().delete(path);
            return;
        }
        for (FileEntry child : browse(path)) {
            delete(child.path(), child.directory());
        }
        session.files().rmdir(path);
    }

    /**
     * MKD. With parents, a refusal means it exists already or a parent is missing: then the
     * parents, and MKD once more; a second refusal is taken as "there already" (a later upload
     * says clearly if not). Without, the server's refusal is the answer.
     */
    @Override
    public boolean makeFolder(String path, boolean parents) throws IOException {
        try {
            session.files().mkdir(path);
            return true; // a successful MKD proves the folder is new, so empty
        } catch (FtpReplyException e) {
            if (!parents) {
                throw e;
            }
            RemotePath parent = RemotePath.of(path).parent();
            if (parent != null && !parent.isTop()) {
                makeFolder(parent.toString(), true);
                try {
                    session.files().mkdir(path);
                    return true;
                } catch (FtpReplyException exists) {
                    // most likely there already
                }
            }
            return false;
        }
    }

    /** MFMT; a server whose FEAT lists none is told about once per connection in the log. */
    @Override
    public boolean setModified(String path, Instant time) throws IOException {
        if (!session.capabilities().mfmt()) {
            if (!toldNoMfmt) {
                toldNoMfmt = true;
                session.report(id -> new ProtocolEvent.Notice(Instant.now(), id, Severity.WARNING, "times.notKept",
                        List.of()));
            }
            return false;
        }
        session.files().setModificationTime(path, time);
        return true;
    }

    @Override
    public String child(String dir, String name) {
        return RemotePath.of(dir == null ? "" : dir).child(name).toString();
    }

    /** The root and the login folder ("") hold themselves. */
    @Override
    public String parent(String path) {
        RemotePath p = RemotePath.of(path);
        return (p.isTop() ? p : p.parent()).toString();
    }

    @Override
    public void abort() {
        session.abort();
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    private static String name(String path) {
        return RemotePath.of(path).name();
    }
}
