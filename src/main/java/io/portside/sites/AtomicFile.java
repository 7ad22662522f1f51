package io.portside.sites;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file replaced all at once: the new content goes to a temporary file in the same folder,
 * is forced to disk, then renamed over the old one (an atomic rename), and the folder entry is
 * forced too. A crash at any point leaves either the old file or the new one, never half of
 * either. Where the file system is POSIX the files are readable by their owner only (600) and a
 * folder created here is 700.
 */
public final class AtomicFile {
    private final Path target;

    public AtomicFile(Path target) {
        this.target = target.toAbsolutePath();
    }

    public Path path() {
        return target;
    }

    /** The content, or null when the file does not exist. */
    public byte[] readOrNull() throws IOException {
        return Files.exists(target) ? Files.readAllBytes(target) : null;
    }

    public void write(byte[] content) throws IOException {
        Path temp = writeTemp(content);
        try {
            commit(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
        removeStaleTemps();
    }

    /** First half of {@link #write}: the content safely on disk under a temporary name. */
    Path writeTemp(byte[] content) throws IOException {
        Path dir = target.getParent();
        createPrivateFolder(dir);
        Path temp = Files.createTempFile(dir, tempPrefix(), ".tmp", ownerOnly(dir, "rw-------"));
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Second half: the rename that makes the new content the file's. */
    void commit(Path temp) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(target.getParent());
    }

    /** Temporary files a crash left behind hold nothing the real file does not; they go. */
    private void removeStaleTemps() throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(target.getParent(), tempPrefix() + "*.tmp")) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        }
    }

    private String tempPrefix() {
        return "." + target.getFileName() + ".";
    }

    private static void createPrivateFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, ownerOnly(parent == null ? dir : parent, "rwx------"));
        } catch (FileAlreadyExistsException raced) {
            // another writer made it; fine
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path where, String perms) throws IOException {
        boolean posix = where.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms))}
                : new FileAttribute<?>[0];
    }

    /** Makes the rename itself durable; not possible on every platform, where the rename has to do. */
    private static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // e.g. Windows cannot open a folder as a channel
        }
    }
}
