package io.portside.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The copy loop of uploads and downloads. */
final class Transfers {
    static final int BUFFER = 64 * 1024;

    private Transfers() {
    }

    interface AbortCheck {
        void check() throws TransferAbortedException;
    }

    static long copy(InputStream in, OutputStream out, TransferListener listener, AbortCheck abort)
            throws IOException {
        byte[] buf = new byte[BUFFER];
        long total = 0;
        int n;
        while (true) {
            abort.check(); // an abort() may arrive before the data socket exists to be closed
            try {
                n = in.read(buf);
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
            } catch (IOException e) {
                abort.check(); // a cancel closes the socket: say "cancelled", not "socket closed"
                throw e;
            }
            total += n;
            listener.transferred(total);
        }
        return total;
    }
}
