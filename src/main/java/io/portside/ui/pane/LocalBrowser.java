package io.portside.ui.pane;

import io.portside.files.FileEntry;
import io.portside.files.FileSystemView;
import io.portside.files.LocalFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The local disk: {@link LocalFiles} (shared with the transfer queue) does the listing and the
 * file operations; this adds only the pane's own path handling.
 */
public final class LocalBrowser implements FileBrowser {
    private static final LocalFiles FILES = LocalFiles.INSTANCE;
    private final Path start;

    public LocalBrowser(Path start) {
        this.start = start.toAbsolutePath().normalize();
    }

    @Override
    public String home() {
        return start.toString();
    }

    @Override
    public List<FileEntry> list(String folder) throws IOException {
        return FILES.browse(folder);
    }

    @Override
    public String parent(String folder) {
        Path p = Path.of(folder).getParent();
        return p == null ? null : p.toString();
    }

    @Override
    public String child(String folder, String name) {
        return Path.of(folder).resolve(name).toString();
    }

    @Override
    public String resolve(String current, String typed) {
        String t = typed.strip();
        if (t.startsWith("~")) {
            t = System.getProperty("user.home") + t.substring(1);
        }
        return Path.of(current).resolve(t).toAbsolutePath().normalize().toString();
    }

    @Override
    public void mkdir(String path) throws IOException {
        FILES.makeFolder(path, false);
    }

    /** Refuses to replace an existing file or folder. */
    @Override
    public void rename(String from, String to) throws IOException {
        FILES.rename(from, to, false);
    }

    @Override
    public void delete(FileEntry entry) throws IOException {
        FILES.delete(entry.path(), entry.directory());
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public boolean isFolder(String path) {
        return java.nio.file.Files.isDirectory(Path.of(path));
    }

    @Override
    public FileSystemView files(String folder) {
        return LocalFiles.INSTANCE;
    }
}
