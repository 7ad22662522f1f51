package io.portside.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A download's {@code NAME.part} beside its target: the bytes go there, and only a complete
 * download is renamed over the target. A failed one is deleted, so an existing target is never
 * truncated or half-overwritten.
 */
final class PartFile implements AutoCloseable {
    private final Path target;
    private final Path part;
    private final RememberingStream stream;
    private boolean committed;

    private PartFile(Path target, Path part, OutputStream out) {
        this.target = target;
        this.part = part;
        this.stream = new RememberingStream(out);
    }

    static PartFile beside(Path target) throws CliException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            return new PartFile(target, part, Files.newOutputStream(part));
        } catch (IOException e) {
            throw CliException.localFile("cannot write " + part + ": " + LocalFiles.describe(e), e);
        }
    }

    /** Where to write the bytes. */
    OutputStream stream() {
        return stream;
    }

    Path path() {
        return part;
    }

    /** The local write error that broke the download, if that is what happened. */
    IOException writeFailure() {
        return stream.failure;
    }

    /** Closes the part file and renames it over the target. */
    void commit() throws CliException {
        try {
            stream.close();
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw CliException.localFile("cannot save " + target + ": " + LocalFiles.describe(e), e);
        }
    }

    /** Deletes the part file unless it was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            stream.close();
        } catch (IOException ignored) {
            // deleting it anyway
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // nothing better to do; the target is untouched either way
        }
    }

    /** Remembers a write error, which the FTP layer would otherwise report as a transfer failure. */
    private static final class RememberingStream extends FilterOutputStream {
        IOException failure;

        RememberingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }
}
