package io.portside.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
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
        try (Stream<Path> children = Files.list(Path.of(dir))) {
            for (Path p : (Iterable<Path>) children::iterator) {
                // NOFOLLOW: a link to a parent folder must not make an endless tree
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isSymbolicLink() && Files.isRegularFile(p)) {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } else if (!a.isDirectory() && !a.isRegularFile()) {
                    continue; // links to folders, devices, sockets
                }
                out.add(new FileEntry(name(p), p.toString(), a.isDirectory(), a.isDirectory() ? -1 : a.size(),
                        a.lastModifiedTime().toInstant()));
            }
        }
        out.sort((x, y) -> x.name().compareTo(y.name()));
        return out;
    }

    @Override
    public InputStream openRead(String path, long offset) throws IOException {
        FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.READ);
        ch.position(offset);
        return Channels.newInputStream(ch);
    }

    @Override
    public OutputStream openWrite(String path, long offset) throws IOException {
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
        return new SyncedOutputStream(ch);
    }

    @Override
    public void rename(String from, String to) throws IOException {
        Files.move(Path.of(from), Path.of(to), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void delete(String path) throws IOException {
        Files.deleteIfExists(Path.of(path));
    }

    @Override
    public void mkdirs(String path) throws IOException {
        Files.createDirectories(Path.of(path));
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

    /** Forces the data to disk on close, so a later rename never publishes a file whose bytes are still in flight. */
    private static final class SyncedOutputStream extends OutputStream {
        private final FileChannel ch;
        private final OutputStream out;

        SyncedOutputStream(FileChannel ch) {
            this.ch = ch;
            this.out = Channels.newOutputStream(ch);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            try (ch) {
                ch.force(false);
            }
        }
    }
}
