package io.portside.ftp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An upload's data: writing fails with {@link TransferAbortedException} once
 * {@link FtpSession#abort()} was called; closing ends the file (the server sees the data
 * connection close) and completes the transfer, unless the upload was aborted.
 */
final class TransferOutputStream extends FilterOutputStream {
    private final SessionTransfers transfers;
    private final StallGuard stall;
    private final UserMessage what;
    private boolean closed;

    TransferOutputStream(SessionTransfers transfers, OutputStream out, StallGuard stall, UserMessage what) {
        super(out);
        this.transfers = transfers;
        this.stall = stall;
        this.what = what;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1); // FilterOutputStream would bypass the checks below
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        transfers.checkAborted();
        transfers.keepAliveDuringTransfer();
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            transfers.checkAborted(); // abort() closes the socket: say "cancelled", not "the connection broke"
            throw Failures.dataBroke(e, what);
        }
        stall.moved(len);
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
            transfers.finishTransfer(!transfers.wasAborted(), UserMessage.of("transfer.uploadCancelled"));
        }
    }
}
