package io.portside.cli;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.TransferListener;
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
        try (InputStream in = Files.newInputStream(source)) {
            return session.upload(in, remoteName, 0, TransferListener.NONE);
        } catch (FtpException e) {
            throw e;
        } catch (IOException e) {
            throw CliException.localFile("cannot read " + source + ": " + LocalFiles.describe(e), e);
        }
    }
}
