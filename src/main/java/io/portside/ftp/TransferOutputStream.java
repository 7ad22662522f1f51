package io.portside.ftp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An upload's data: closing it ends the file (the server sees the data connection close) and
 * completes the transfer, unless the upload was aborted.
 */
final class TransferOutputStream extends FilterOutputStream {
    private final FtpSession session;
    private boolean closed;

    TransferOutputStream(FtpSession session, OutputStream out) {
        super(out);
        this.session = session;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        session.keepAliveDuringTransfer();
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            super.close();
        } finally {
            session.finishTransfer(!session.wasAborted(), "upload cancelled");
        }
    }
}
