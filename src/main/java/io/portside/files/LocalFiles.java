package io.portside.files;

import io.portside.ftp.TransferType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The local disk. Stateless: one instance serves every thread. */
public final class LocalFiles implements FileSystemView {
    public static final LocalFiles INSTANCE = new LocalFiles();

    private LocalFiles() {
    }

    @Override
    public FileEntry stat(String path) throws IOException {
        Path p = Path.of(path);
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return new FileEntry(name(p), path, a.isDirectory(), a.isDirectory() ? -1 : a.size(),
                    a.lastModifiedTime().toInstant());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public Instant modified(String path) throws IOException {
        return Files.getLastModifiedTime(Path.of(path)).toInstant();
    }

    @Override
    public List<FileEntry> list(String dir) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        List<Child> children;
        try {
            children = children(dir);
        } catch (DirectoryIteratorException e) {
            throw new UncheckedIOException(e.getCause()); // as Files.list reports it
        }
        for (Child c : children) {
            // the link itself first: a link to a parent folder must not make an endless tree
            BasicFileAttributes a = c.own();
            if (a.isSymbolicLink() && c.target() != null && c.target().isRegularFile()) {
                a = c.target();
            } else if (!a.isDirectory() && !a.isRegularFile()) {
                continue; // links to folders, devices, sockets
            }
            out.add(new FileEntry(name(c.path()), c.path().toString(), a.isDirectory(), a.isDirectory() ? -1 : a.size(),
                    a.lastModifiedTime().toInstant()));
        }
        out.sort((x, y) -> x.name().compareTo(y.name()));
        return out;
    }

    /** In the folder's own order; a dangling link is shown as itself, with {@link FileEntry#link()}. */
    @Override
    public List<FileEntry> browse(String dir) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        for (Child c : children(dir)) {
            BasicFileAttributes a = c.target() != null ? c.target() : c.own();
            out.add(new FileEntry(name(c.path()), c.path().toString(), a.isDirectory(), a.isDirectory() ? -1 : a.size(),
                    a.lastModifiedTime().toInstant(), !a.isDirectory() && a.isSymbolicLink(), null, null));
        }
        return out;
    }

    /** One entry of a folder: its own attributes and, for a link, its target's (null when it leads nowhere). */
    private record Child(Path path, BasicFileAttributes own, BasicFileAttributes target) {
    }

    private static List<Child> children(String dir) throws IOException {
        List<Child> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(Path.of(dir))) {
            for (Path p : stream) {
                BasicFileAttributes own = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                BasicFileAttributes target = own;
                if (own.isSymbolicLink()) {
                    try {
                        target = Files.readAttributes(p, BasicFileAttributes.class);
                    } catch (IOException e) {
                        target = null;
                    }
                }
                out.add(new Child(p, own, target));
            }
        }
        return out;
    }

    @Override
    public InputStream openRead(String path, long offset, TransferType type) throws IOException {
        FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ);
        ch.position(offset);
        return Channels.newInputStream(ch);
    }

    @Override
    public OutputStream openWrite(String path, long offset, TransferType type) throws IOException {
        FileChannel ch = offset > 0
                ? FileChannel.open(Path.of(path), StandardOpenOption.WRITE)
                : FileChannel.open(Path.of(path), StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING);
        if (offset > 0) {
            if (ch.size() < offset) {
                ch.close();
                throw new IOException(path + " is shorter than the " + offset + " bytes to resume from");
            }
            ch.truncate(offset);
            ch.position(offset);
        }
        // No fsync on close: a process crash cannot lose bytes already written (the kernel holds
        // them), and the .part is renamed over the target only after its size is checked. An
        // fsync per file cost ~1 s per GiB and milliseconds per small file, which no FTP client
        // pays; QueueStore still syncs the small queue file it must never lose.
        return Channels.newOutputStream(ch);
    }

    /** Replacing, atomic; without, it fails when {@code to} exists and may copy across file systems. */
    @Override
    public void rename(String from, String to, boolean replace) throws IOException {
        if (replace) {
            Files.move(Path.of(from), Path.of(to), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.move(Path.of(from), Path.of(to));
        }
    }

    /** A folder is walked without following links: a link inside it (or the folder itself, if a link) goes, not its target. */
    @Override
    public void delete(String path, boolean folder) throws IOException {
        Path root = Path.of(path);
        if (!folder) {
            Files.delete(root);
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** With parents the disk cannot say without a race whether the folder is new, so it answers false. */
    @Override
    public boolean makeFolder(String path, boolean parents) throws IOException {
        if (parents) {
            Files.createDirectories(Path.of(path));
            return false;
        }
        Files.createDirectory(Path.of(path));
        return true;
    }

    @Override
    public boolean setModified(String path, Instant time) throws IOException {
        Files.setLastModifiedTime(Path.of(path), FileTime.from(time));
        return true;
    }

    @Override
    public String child(String dir, String name) {
        return Path.of(dir).resolve(name).toString();
    }

    @Override
    public String parent(String path) {
        Path p = Path.of(path).toAbsolutePath().getParent();
        return p == null ? path : p.toString();
    }

    @Override
    public void abort() {
        // local reads and writes do not block for long; the copy loop checks for a stop itself
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    private static String name(Path p) {
        Path n = p.getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
