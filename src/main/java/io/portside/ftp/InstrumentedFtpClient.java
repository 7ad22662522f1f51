package io.portside.ftp;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.net.BoundedReplyReader;
import io.portside.ftp.net.MonitoredSocket;
import io.portside.ftp.net.MonitoredSocketFactory;
import io.portside.ftp.tls.TlsLayer;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.net.ProtocolCommandEvent;
import org.apache.commons.net.ProtocolCommandListener;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPCmd;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPListParseEngine;
import org.apache.commons.net.io.CRLFLineReader;

/**
 * Commons Net's client with its data connections taken over by {@link DataConnector} and its
 * commands and replies reported as events. Commons Net's own listener sees only the control
 * channel; data connections are reported by the sockets the connector creates.
 */
final class InstrumentedFtpClient extends FTPClient implements ControlChannel {
    private final ProtocolEventBus bus;
    private final ConnectionId id;
    static final int MAX_REPLY_LINE = 64 * 1024;
    static final int MAX_REPLY = 1024 * 1024;
    private DataConnector connector;
    private int unansweredNoops;
    private BoundedReplyReader replyReader;
    private TlsLayer tls;
    private boolean implicitTls;
    /** The TCP socket under any TLS layer (the one that reports the connection's life). */
    private MonitoredSocket plain;

    InstrumentedFtpClient(ProtocolEventBus bus, ConnectionId id) {
        this.bus = bus;
        this.id = id;
        setSocketFactory(new MonitoredSocketFactory(bus, id));
        setParserFactory(new TolerantParserFactory()); // one hostile listing line must not lose the folder
        addProtocolCommandListener(new EventReporter());
    }

    void useConnector(DataConnector dataConnector) {
        this.connector = dataConnector;
    }

    /** FTPS: {@code implicit} starts TLS before the greeting, else {@link #startTls()} after it. */
    void useTls(TlsLayer layer, boolean implicit) {
        this.tls = layer;
        this.implicitTls = implicit;
    }

    @Override
    protected void _connectAction_() throws IOException {
        plain = (MonitoredSocket) _socket_;
        if (tls != null && implicitTls) {
            _socket_.setSoTimeout(getConnectTimeout());
            _socket_ = tls.secureControl(_socket_, id);
        }
        replyReader = boundedReader();
        super._connectAction_(replyReader);
    }

    private BoundedReplyReader boundedReader() {
        return new BoundedReplyReader(() -> new InputStreamReader(_input_, Charset.forName(getControlEncoding())),
                MAX_REPLY_LINE, MAX_REPLY);
    }

    /** Explicit FTPS: AUTH TLS, then the control connection continues inside TLS. */
    void startTls() throws IOException {
        int code = sendCommand("AUTH", "TLS");
        if (code != 234) {
            throw new FtpReplyException(UserMessage.of("refused.tls", replyLine()), code,
                    Arrays.asList(replyLines()));
        }
        _socket_ = tls.secureControl(_socket_, id);
        _input_ = _socket_.getInputStream();
        _output_ = _socket_.getOutputStream();
        replyReader = boundedReader();
        _controlInput_ = new CRLFLineReader(replyReader);
        _controlOutput_ = new BufferedWriter(new OutputStreamWriter(_output_, Charset.forName(getControlEncoding())));
    }

    /**
     * On an idle connection (the caller has the turn): has the server hung up? A read of a few
     * milliseconds tells: the end of the stream is a close; a reply nobody asked for (a 421
     * "timeout, closing" before the close) is read, so the log shows the server's reason; a
     * timeout means all is well, and what was read stays for the next reply.
     */
    boolean serverHungUp() throws IOException {
        if (!isConnected() || _controlInput_ == null) {
            return true;
        }
        int timeout = _socket_.getSoTimeout();
        plain.probing(true);
        try {
            _socket_.setSoTimeout(5);
            _controlInput_.mark(1);
            if (_controlInput_.read() < 0) {
                return true;
            }
            _controlInput_.reset();
        } catch (SocketTimeoutException quiet) {
            return false;
        } finally {
            plain.probing(false);
            if (!_socket_.isClosed()) {
                _socket_.setSoTimeout(timeout);
            }
        }
        try {
            getReply(); // logged as every reply is
        } catch (IOException closing) {
            // a 421 or the end of the stream: either way the server is gone
        }
        return true;
    }

    /** PBSZ 0 + PROT P: data connections in TLS too; each resumes the control session. */
    void protectData() throws IOException {
        sendCommand("PBSZ", "0");
        int code = sendCommand("PROT", "P");
        if (code / 100 != 2) {
            throw new FtpReplyException(UserMessage.of("refused.prot", replyLine()), code,
                    Arrays.asList(replyLines()));
        }
        connector.secureWith(plain -> tls.secureData(plain, plain.id()));
    }

    @Override
    public int getReply() throws IOException {
        if (replyReader != null) {
            replyReader.newReply();
        }
        return super.getReply();
    }

    @Override
    protected Socket _openDataConnection_(String command, String arg) throws IOException {
        long offset = getRestartOffset();
        setRestartOffset(0);
        return connector.open(command, arg, offset);
    }

    /**
     * MLSD with a parser that skips unreadable lines (Commons Net's own mlistDir uses a parser
     * that throws on a size above Long.MAX_VALUE). Null when the server refused; see the reply.
     */
    FTPFile[] listMlsd(String path) throws IOException {
        Socket socket = _openDataConnection_(FTPCmd.MLSD, path);
        if (socket == null) {
            return null;
        }
        FTPListParseEngine engine = new FTPListParseEngine(TolerantParserFactory.mlsd());
        try (socket) {
            engine.readServerList(socket.getInputStream(), getControlEncoding());
        }
        completeTransfer(); // the caller checks the reply code
        return engine.getFiles();
    }

    /**
     * The last reply as a refusal for the user: {@code what}, followed by the server's first line
     * when it said anything (or always, with {@code withReply}).
     */
    FtpReplyException refusal(UserMessage what, boolean withReply) {
        String reply = getReplyString() == null ? "" : getReplyString().strip();
        int code = getReplyCode();
        UserMessage message = withReply || !reply.isEmpty() ? UserMessage.of("refusal.reply", what, Failures.firstLine(reply)) : what;
        return new FtpReplyException(message, code, Arrays.asList(replyLines()));
    }

    @Override
    public int send(String command, String argument) throws IOException {
        return sendCommand(command, argument);
    }

    @Override
    public String replyLine() {
        String[] lines = getReplyStrings();
        return lines == null || lines.length == 0 ? "" : lines[0];
    }

    @Override
    public String[] replyLines() {
        String[] lines = getReplyStrings();
        return lines == null ? new String[0] : lines;
    }

    @Override
    public InetAddress peer() {
        return getRemoteAddress();
    }

    @Override
    public InetAddress local() {
        return getLocalAddress();
    }

    /**
     * Keep-alive during a transfer: a NOOP whose reply may only come after the transfer's own
     * (many servers read the control connection only between transfers). Unanswered NOOPs are
     * counted and their replies skipped when the transfer completes.
     */
    void noopDuringTransfer(int replyWaitMillis) throws IOException {
        int old = getSoTimeout();
        bus.publish(new ProtocolEvent.CommandSent(Instant.now(), id, "NOOP"));
        setSoTimeout(replyWaitMillis);
        try {
            __noop();
            reportLastReply();
        } catch (SocketTimeoutException e) {
            unansweredNoops++;
        } finally {
            setSoTimeout(old);
        }
    }

    /** Reads the final reply of a transfer, skipping the replies to keep-alive NOOPs. */
    int completeTransfer() throws IOException {
        while (true) {
            int code = getReply();
            if (code == 200 && unansweredNoops > 0) {
                unansweredNoops--;
                continue;
            }
            drainNoopReplies();
            return code;
        }
    }

    private void drainNoopReplies() throws IOException {
        if (unansweredNoops == 0) {
            return;
        }
        int old = getSoTimeout();
        setSoTimeout(1000);
        try {
            while (unansweredNoops > 0) {
                __getReplyNoReport();
                reportLastReply();
                unansweredNoops--;
            }
        } catch (SocketTimeoutException e) {
            unansweredNoops = 0; // a server that never answers NOOP during transfers
        } finally {
            setSoTimeout(old);
        }
    }

    private void reportLastReply() {
        bus.publish(new ProtocolEvent.ReplyReceived(Instant.now(), id, getReplyCode(), Arrays.asList(replyLines())));
    }

    @Override
    public void resynchronize() {
        int old;
        try {
            old = getSoTimeout();
        } catch (IOException e) {
            return; // the control connection is gone
        }
        try {
            sendCommand("ABOR");
            setSoTimeout(2000);
            getReply(); // the reply to ABOR after the aborted command's own
        } catch (IOException ignored) {
            // nothing more to read, or the connection is gone: the next command will tell
        } finally {
            try {
                setSoTimeout(old);
            } catch (IOException ignored) {
                // closed
            }
        }
    }

    /** Turns Commons Net's command/reply callbacks into events, masking passwords. */
    private final class EventReporter implements ProtocolCommandListener {
        @Override
        public void protocolCommandSent(ProtocolCommandEvent event) {
            String text = event.getMessage().strip();
            String verb = event.getCommand() == null ? "" : event.getCommand().toUpperCase(Locale.ROOT);
            if (verb.equals("PASS") || verb.equals("ACCT")) {
                text = verb + " ********";
            }
            bus.publish(new ProtocolEvent.CommandSent(Instant.now(), id, text));
        }

        @Override
        public void protocolReplyReceived(ProtocolCommandEvent event) {
            List<String> lines = Arrays.asList(replyLines());
            bus.publish(new ProtocolEvent.ReplyReceived(Instant.now(), id, event.getReplyCode(), lines));
        }
    }
}
