package io.portside.cli;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.TransferListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * get and put straight on one session. Kept in this one class so the transfers can later go
 * through the transfer queue instead by changing only this.
 */
final class DirectTransfer {
    private DirectTransfer() {
    }

    /** Downloads {@code remoteName} (in the session's current folder) to {@code target}; returns the bytes. */
    static long download(FtpSession session, String remoteName, Path target) throws FtpException, CliException {
        try (PartFile part = PartFile.beside(target)) {
            long bytes;
            try {
                bytes = session.download(remoteName, 0, part.stream(), TransferListener.NONE);
            } catch (FtpException e) {
                if (part.writeFailure() != null) {
                    throw CliException.localFile("cannot write " + part.path() + ": "
                            + LocalFiles.describe(part.writeFailure()), e);
                }
                throw e;
            }
            part.commit();
            return bytes;
        }
    }

    /** Uploads {@code source} as {@code remoteName} (in the session's current folder); returns the bytes. */
    static long upload(FtpSession session, Path source, String remoteName) throws FtpException, CliException {
        try (RememberingInput in = new RememberingInput(Files.newInputStream(source))) {
            try {
                return session.upload(in, remoteName, 0, TransferListener.NONE);
            } catch (FtpException e) {
                if (in.failure != null) {
                    throw CliException.localFile("cannot read " + source + ": " + LocalFiles.describe(in.failure), e);
                }
                throw e;
            }
        } catch (FtpException e) {
            throw e;
        } catch (IOException e) {
            throw CliException.localFile("cannot read " + source + ": " + LocalFiles.describe(e), e);
        }
    }

    /** Remembers a read error, which the FTP layer would otherwise report as a transfer failure. */
    private static final class RememberingInput extends FilterInputStream {
        IOException failure;

        RememberingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
