package io.portside.ui.pane;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The local disk through java.nio. */
public final class LocalBrowser implements FileBrowser {
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
        List<FileEntry> out = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of(folder))) {
            for (Path p : dir) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (IOException e) {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                }
                FileEntry.Kind kind = a.isDirectory() ? FileEntry.Kind.FOLDER
                        : a.isSymbolicLink() ? FileEntry.Kind.LINK : FileEntry.Kind.FILE;
                out.add(new FileEntry(p.getFileName().toString(), p.toString(), kind,
                        a.isDirectory() ? -1 : a.size(), a.lastModifiedTime().toInstant(), null, null));
            }
        }
        return out;
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
        Files.createDirectory(Path.of(path));
    }

    @Override
    public void rename(String from, String to) throws IOException {
        Files.move(Path.of(from), Path.of(to));
    }

    @Override
    public void delete(FileEntry entry) throws IOException {
        Path root = Path.of(entry.path());
        if (!entry.isFolder()) {
            Files.delete(root);
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public boolean isRemote() {
        return false;
    }
}
