package io.portside.ftp;

import io.portside.ftp.event.ProtocolEvent.Notice.Severity;
import io.portside.ftp.net.MonitoredSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPReply;

/**
 * A session's file transfers. A transfer holds the session's turn from opening its stream to
 * closing it: the streams ({@link TransferInputStream}, {@link TransferOutputStream}) call
 * back here to send keep-alives on the way and to complete or abort the transfer at the end.
 * {@link #abort} may cancel the running transfer from any thread.
 */
final class SessionTransfers {
    private final FtpSession session;
    private final SessionCalls calls;
    private final SessionTurn turn;
    private final KeepAlive keepAlive;
    private final TlsFallback tlsFallback;
    private final SessionOptions options;
    private volatile boolean aborted;
    /** The TYPE the server was last told; a login (also a reconnect) leaves it at binary. */
    private TransferType wireType = TransferType.BINARY;

    SessionTransfers(FtpSession session, SessionCalls calls, SessionTurn turn, KeepAlive keepAlive,
                     TlsFallback tlsFallback, SessionOptions options) {
        this.session = session;
        this.calls = calls;
        this.turn = turn;
        this.keepAlive = keepAlive;
        this.tlsFallback = tlsFallback;
        this.options = options;
    }

    /** After a login (TYPE I): the next ASCII transfer must send TYPE A again. */
    void loggedIn() {
        wireType = TransferType.BINARY;
    }

    InputStream openDownload(String path, long offset, TransferType type) throws FtpException {
        calls.acquire();
        aborted = false; // an abort() that arrived between transfers must not cancel this one
        InstrumentedFtpClient client = session.client(); // the turn is ours: no reconnect replaces it
        try {
            use(client, type, offset);
            client.setRestartOffset(offset);
            InputStream raw = client.retrieveFileStream(path);
            if (raw == null) {
                throw client.refusal(UserMessage.of("refused.send", path), true);
            }
            return new TransferInputStream(this, raw, new StallGuard(options.dataTimeout()),
                    UserMessage.of("doing.downloading", path));
        } catch (IOException | RuntimeException e) {
            session.connector().transferEnded();
            turn.release();
            throw tlsFallback.afterStreamFailure(calls.failure(e, UserMessage.of("doing.downloading", path)));
        }
    }

    /** REST+STOR resumes where the server offers REST STREAM, else APPE. */
    OutputStream openUpload(String path, long offset, TransferType type) throws FtpException {
        calls.acquire();
        aborted = false; // an abort() that arrived between transfers must not cancel this one
        InstrumentedFtpClient client = session.client(); // the turn is ours: no reconnect replaces it
        try {
            use(client, type, offset);
            OutputStream raw;
            if (offset > 0 && session.capabilities().restStream()) {
                client.setRestartOffset(offset);
                raw = client.storeFileStream(path);
            } else if (offset > 0) {
                raw = client.appendFileStream(path);
            } else {
                raw = client.storeFileStream(path);
            }
            if (raw == null) {
                throw client.refusal(UserMessage.of("refused.store", path), true);
            }
            return new TransferOutputStream(this, raw, new StallGuard(options.dataTimeout()),
                    UserMessage.of("doing.uploading", path));
        } catch (IOException | RuntimeException e) {
            session.connector().transferEnded();
            turn.release();
            throw tlsFallback.afterStreamFailure(calls.failure(e, UserMessage.of("doing.uploading", path)));
        }
    }

    /** Sends TYPE A or TYPE I when the transfer needs the other one. */
    private void use(InstrumentedFtpClient client, TransferType type, long offset) throws IOException {
        if (type == TransferType.ASCII && offset > 0) {
            throw new FtpException(UserMessage.of("transfer.asciiResume"));
        }
        if (type == wireType) {
            return;
        }
        boolean ascii = type == TransferType.ASCII;
        if (!client.setFileType(ascii ? FTP.ASCII_FILE_TYPE : FTP.BINARY_FILE_TYPE)) {
            throw client.refusal(UserMessage.of(ascii ? "refused.ascii" : "refused.binary"), true);
        }
        wireType = type;
    }

    /** Any thread: closing the data connection is what stops the transfer thread. */
    void abort() {
        aborted = true;
        MonitoredSocket s = session.connector().current();
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    // --- called by the transfer streams -----------------------------------------------------

    /** An abort() may arrive before the data socket exists to be closed: the streams ask before each read or write. */
    void checkAborted() throws TransferAbortedException {
        if (aborted) {
            throw new TransferAbortedException(UserMessage.of("transfer.cancelled"));
        }
    }

    /** A download read to its end: the server ended the data stream (also under TLS). */
    void dataStreamEnded() {
        MonitoredSocket s = session.connector().current();
        if (s != null) {
            s.peerEnded();
        }
    }

    boolean wasAborted() {
        return aborted;
    }

    /** Called by the transfer streams once their data connection is closed; gives the turn back. */
    void finishTransfer(boolean complete, UserMessage what) throws FtpException {
        try {
            finishOnce(complete, what);
        } catch (FtpException e) {
            throw tlsFallback.afterStreamFailure(e);
        }
    }

    private void finishOnce(boolean complete, UserMessage what) throws FtpException {
        InstrumentedFtpClient client = session.client();
        session.connector().transferEnded();
        try {
            if (!complete) {
                calls.notice(Severity.WARNING, "abort", what);
                client.resynchronize();
                throw new TransferAbortedException(UserMessage.of("transfer.aborted"));
            }
            int code = client.completeTransfer();
            if (!FTPReply.isPositiveCompletion(code)) {
                throw client.refusal(UserMessage.of("refused.incomplete"), true);
            }
            if (wireType == TransferType.ASCII) {
                // back to binary at once: servers such as vsftpd refuse SIZE in ASCII mode, and the
                // queue's next SIZE (is the target there?) must not read that refusal as "no file"
                use(client, TransferType.BINARY, 0);
            }
        } catch (FtpException e) {
            throw e;
        } catch (IOException e) {
            throw calls.failure(e, UserMessage.of("doing.completing"));
        } finally {
            aborted = false;
            turn.used();
            turn.release();
        }
    }

    /** Keep-alive NOOP from inside a transfer, when the control connection has been idle long enough. */
    void keepAliveDuringTransfer() {
        if (!keepAlive.due(turn.lastUse())) {
            return;
        }
        turn.used();
        try {
            session.client().noopDuringTransfer(1000);
        } catch (IOException ignored) {
            // the transfer itself will report a broken control connection when it completes
        }
    }
}
