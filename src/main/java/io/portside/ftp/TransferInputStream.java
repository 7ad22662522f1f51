package io.portside.ftp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A download's data: reading sends keep-alive NOOPs when due and fails with
 * {@link TransferAbortedException} once {@link FtpSession#abort()} was called; closing completes
 * the transfer (reads the 226) or, when closed before the end, aborts it (ABOR).
 */
final class TransferInputStream extends FilterInputStream {
    private final SessionTransfers transfers;
    private final StallGuard stall;
    private final UserMessage what;
    private boolean ended;
    private boolean closed;

    TransferInputStream(SessionTransfers transfers, InputStream in, StallGuard stall, UserMessage what) {
        super(in);
        this.transfers = transfers;
        this.stall = stall;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        transfers.checkAborted();
        transfers.keepAliveDuringTransfer();
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException e) {
            transfers.checkAborted(); // abort() closes the socket: say "cancelled", not "the connection broke"
            throw Failures.dataBroke(e, what);
        }
        if (n < 0 && !ended) {
            ended = true;
            transfers.dataStreamEnded();
        }
        stall.moved(n);
        return n;
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
            transfers.finishTransfer(ended && !transfers.wasAborted(), UserMessage.of("transfer.closedEarly"));
        }
    }
}
