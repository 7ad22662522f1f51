package io.portside.ftp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A download's data: reading sends keep-alive NOOPs when due; closing completes the transfer
 * (reads the 226) or, when closed before the end, aborts it.
 */
final class TransferInputStream extends FilterInputStream {
    private final FtpSession session;
    private final StallGuard stall;
    private final String what;
    private boolean ended;
    private boolean closed;

    TransferInputStream(FtpSession session, InputStream in, StallGuard stall, String what) {
        super(in);
        this.session = session;
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
        session.keepAliveDuringTransfer();
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException e) {
            throw Failures.dataBroke(e, what);
        }
        if (n < 0 && !ended) {
            ended = true;
            session.dataStreamEnded();
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
            session.finishTransfer(ended && !session.wasAborted(), "download closed before its end");
        }
    }
}
