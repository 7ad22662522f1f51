package io.portside.ftp;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.Notice.Severity;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.tls.TlsLayer;
import io.portside.ftp.tls.TlsPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;

/**
 * One logged-in FTP session: a control connection and the data connections it opens. Used by
 * one thread at a time (operations wait for each other); {@link #abort()} and
 * {@link #setMode} may be called from any thread.
 *
 * <p>Every command, reply and TCP connection is published to the {@link ProtocolEventBus}.
 * Failures raise {@link FtpException} whose message is a sentence for the user; after a
 * connection-level failure the session is closed and {@link #isConnected()} says so.
 *
 * <p>The folder commands (PWD, CWD, listings) are here; the rest is in its parts:
 * {@link RemoteFileCommands} (the commands on one file: {@link #files()}), {@link SessionCalls}
 * (taking the turn and explaining failures), {@link SessionLogin} (the login steps),
 * {@link TlsFallback} (TLS 1.3 first, 1.2 when data connections cannot resume it),
 * {@link SessionTransfers} (the transfer streams and abort) and {@link SessionTurn} (one
 * operation at a time on the control connection).
 */
public final class FtpSession implements AutoCloseable {
    private final Site site;
    private final SessionOptions options;
    private final ProtocolEventBus bus;
    // Replaced together when the session reconnects (see reconnect).
    private volatile ConnectionId id;
    private volatile InstrumentedFtpClient client;
    private final ModeState mode;
    private volatile DataConnector connector;
    private volatile TlsLayer tls;
    /** True once the session runs over TLS: FTPS, or TLS if available and the server agreed. */
    private volatile boolean secure;
    private volatile String workingDir;
    private final SessionTurn turn = new SessionTurn();
    private final SessionCalls calls;
    private final RemoteFileCommands files;
    private final TlsFallback tlsFallback;
    private final KeepAlive keepAlive;
    private final SessionTransfers transfers;
    private volatile ServerCapabilities capabilities = ServerCapabilities.NONE;
    private final TlsPolicy tlsPolicy;

    private FtpSession(Site site, SessionOptions options, ProtocolEventBus bus, String owner, TlsPolicy tlsPolicy) {
        this.tlsPolicy = tlsPolicy;
        this.site = site;
        this.options = options;
        this.bus = bus;
        this.mode = new ModeState(options.mode(), options.extended());
        this.calls = new SessionCalls(this, turn, bus);
        this.files = new RemoteFileCommands(this, calls);
        this.tlsFallback = new TlsFallback(this, calls, turn, tlsPolicy.tls12Servers());
        newConnection(owner);
        this.keepAlive = new KeepAlive(this::idleTick, options.keepAlive());
        this.transfers = new SessionTransfers(this, calls, turn, keepAlive, tlsFallback, options);
    }

    /**
     * Connects, logs in, reads the server's features and sets binary mode.
     *
     * @param owner who drives the session, shown in the log ("browse", "w1"); may be empty
     */
    public static FtpSession open(Site site, SessionOptions options, ProtocolEventBus bus, String owner)
            throws FtpException {
        return open(site, options, bus, owner, TlsPolicy.systemOnly());
    }

    /** As {@link #open(Site, SessionOptions, ProtocolEventBus, String)}, deciding about certificates by {@code tls}. */
    public static FtpSession open(Site site, SessionOptions options, ProtocolEventBus bus, String owner,
                                  TlsPolicy tls) throws FtpException {
        return open(site, options, bus, owner, tls, s -> { });
    }

    /**
     * As {@link #open(Site, SessionOptions, ProtocolEventBus, String, TlsPolicy)}, handing the
     * session to {@code opening} before it connects, so that another thread can
     * {@link #cancelOpening()} a slow attempt (a server that never greets).
     */
    public static FtpSession open(Site site, SessionOptions options, ProtocolEventBus bus, String owner,
                                  TlsPolicy tls, java.util.function.Consumer<FtpSession> opening) throws FtpException {
        FtpSession s = new FtpSession(site, options, bus, owner, tls);
        opening.accept(s);
        try {
            s.connectAndLogin();
        } catch (FtpException e) {
            s.disconnect();
            throw e;
        } catch (IOException | RuntimeException e) {
            s.disconnect();
            throw Failures.explain(e, UserMessage.of("doing.connecting", site.host(), site.port()));
        }
        s.keepAlive.start();
        return s;
    }

    private void newConnection(String owner) {
        id = ConnectionId.control(owner, bus.nextSessionNumber());
        client = new InstrumentedFtpClient(bus, id);
        connector = new DataConnector(client, bus, id, options, mode, () -> capabilities.epsv(), () -> capabilities.eprt());
        client.useConnector(connector);
    }

    /** Logs the current connection in (the steps are SessionLogin's) and keeps what it learns. */
    private void connectAndLogin() throws IOException {
        SessionLogin login = new SessionLogin(site, options, bus, id, client);
        if (site.protocol().triesTls()) {
            tls = login.useTls(tlsPolicy, tlsFallback.versions());
        }
        secure = login.connectAndAuthenticate();
        if (!secure) {
            tls = null; // TLS if available, and the server refused it: plain FTP from here
        }
        capabilities = login.features(capabilities);
        login.chooseCharset(capabilities);
        if (isSecure()) {
            workingDir = client.printWorkingDirectory(); // to return here if TLS forces a reconnect
        }
        login.binaryMode();
        transfers.loggedIn();
    }

    public Site site() {
        return site;
    }

    public ConnectionId connectionId() {
        return id;
    }

    public ServerCapabilities capabilities() {
        return capabilities;
    }

    /** The commands on one remote file or folder: size, times, make, remove, rename, chmod. */
    public RemoteFileCommands files() {
        return files;
    }

    /**
     * Puts a line about this session into the protocol log, e.g. a remote name that was skipped
     * because it cannot safely become a local file name.
     */
    public void report(java.util.function.Function<ConnectionId, ProtocolEvent> event) {
        bus.publish(event.apply(id));
    }

    /** True when this session's control and data connections are encrypted (FTPS). */
    public boolean isSecure() {
        return secure;
    }

    /**
     * The TLS version the control connection runs now ({@code TLSv1.3}, {@code TLSv1.2} after a
     * fall-back), or null for plain FTP: what the window shows as "Encrypted (TLS 1.3)".
     */
    public String tlsVersion() {
        TlsLayer t = tls;
        return t == null ? null : t.controlProtocol();
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** The method data connections use now (may differ from the choice after a fallback). */
    public DataMode mode() {
        return mode.mode();
    }

    public ExtendedMode extended() {
        return mode.extended();
    }

    /** Changes the data-connection mode; the next data connection uses it. Any thread. */
    public void setMode(DataMode dataMode, ExtendedMode extended) {
        mode.choose(dataMode, extended);
        UserMessage method = UserMessage.of(dataMode == DataMode.PASSIVE ? "mode.passive" : "mode.active");
        bus.publish(new ProtocolEvent.ModeChanged(Instant.now(), id, method,
                UserMessage.of("mode.byUser", extended.name().toLowerCase(java.util.Locale.ROOT))));
    }

    public String pwd() throws FtpException {
        return calls.call(UserMessage.command("PWD"), () -> {
            String dir = client.printWorkingDirectory();
            if (dir == null) {
                throw client.refusal(UserMessage.of("refused.pwd"), true);
            }
            return dir;
        });
    }

    public void cwd(String path) throws FtpException {
        calls.run(UserMessage.command("CWD " + path), () -> client.changeWorkingDirectory(path) && rememberDirectory());
    }

    public void cdup() throws FtpException {
        calls.run(UserMessage.command("CDUP"), () -> client.changeToParentDirectory() && rememberDirectory());
    }

    private boolean rememberDirectory() throws IOException {
        if (tls != null) {
            workingDir = client.printWorkingDirectory();
        }
        return true;
    }

    /**
     * Lists a folder (null: the current one): MLSD when the server offers it, else LIST parsed
     * by what its lines contain (see {@link #listing}), else NLST names only.
     */
    public List<RemoteFile> list(String path) throws FtpException {
        return listing(path).files();
    }

    /**
     * As {@link #list}, with the lines no parser could read: they are counted in the log (a
     * warning naming the first of them), and a listing of which not one line could be read
     * fails in words instead of showing an empty folder.
     */
    public Listing listing(String path) throws FtpException {
        Listing listing = tlsFallback.run(() -> listOnce(path));
        if (!listing.unreadable().isEmpty()) {
            String where = path == null ? "." : path;
            calls.notice(Severity.WARNING, "listing.unreadable", listing.unreadable().size(), where, listing.unreadableSample());
            if (listing.nothingReadable()) {
                throw new FtpProtocolException(UserMessage.of("listing.unreadable", where,
                        listing.unreadable().size(), listing.unreadableSample()));
            }
        }
        return listing;
    }

    private Listing listOnce(String path) throws FtpException {
        return calls.call(UserMessage.of("doing.listing", path == null ? UserMessage.of("the.currentFolder") : path), () -> {
            FTPFile[] files = null;
            if (capabilities.mlsd()) {
                files = calls.transferring(() -> client.listMlsd(path));
                if (!FTPReply.isPositiveCompletion(client.getReplyCode()) && client.getReplyCode() < 500) {
                    throw client.refusal(refusedToList(path), true);
                }
                if (client.getReplyCode() >= 500) {
                    files = null; // advertised but refused: fall back to LIST
                }
            }
            if (files == null) {
                files = calls.transferring(() -> client.listFiles(path));
                if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
                    if (client.getReplyCode() >= 500 && client.getReplyCode() != 550) {
                        return Listing.of(namesOnly(path));
                    }
                    throw client.refusal(refusedToList(path), true);
                }
            }
            return RemoteFiles.convert(files);
        });
    }

    private static UserMessage refusedToList(String path) {
        return UserMessage.of("refused.list", path == null ? UserMessage.of("the.folder") : path);
    }

    private List<RemoteFile> namesOnly(String path) throws IOException {
        String[] names = calls.transferring(() -> client.listNames(path));
        if (names == null) {
            throw client.refusal(refusedToList(path), true);
        }
        List<RemoteFile> out = new ArrayList<>();
        for (String n : names) {
            String name = n.contains("/") ? n.substring(n.lastIndexOf('/') + 1) : n;
            if (!name.isEmpty() && !name.equals(".") && !name.equals("..")) {
                out.add(new RemoteFile(name, RemoteFile.Type.OTHER, -1, null, null, null, null, null, null));
            }
        }
        return out;
    }

    /**
     * Opens a download stream, from {@code offset} (REST) when above zero, as text (TYPE A) or
     * bytes (TYPE I); ASCII only from offset 0. The caller must close it; closing before the end
     * aborts the transfer (ABOR).
     */
    public InputStream openDownload(String path, long offset, TransferType type) throws FtpException {
        return transfers.openDownload(path, offset, type);
    }

    /**
     * Opens an upload stream, as text (TYPE A) or bytes (TYPE I). {@code offset} above zero
     * resumes (bytes only): REST+STOR where the server offers REST STREAM, else APPE. Closing the
     * stream completes the transfer.
     */
    public OutputStream openUpload(String path, long offset, TransferType type) throws FtpException {
        return transfers.openUpload(path, offset, type);
    }

    /**
     * Cancels the running transfer from any thread: its data connection is closed at once, the
     * transfer thread then sends ABOR and its call fails with {@link TransferAbortedException}.
     */
    public void abort() {
        transfers.abort();
    }

    /**
     * On an idle connection: a NOOP when the keep-alive is due, else a look whether the server
     * has hung up, so that a closed connection shows as closed ({@link #isConnected()}, and its
     * "closed by the server" event) at once rather than at the next command.
     */
    private void idleTick() {
        if (!turn.tryTake()) {
            return;
        }
        try {
            if (!client.isConnected()) {
                return;
            }
            if (keepAlive.due(turn.lastUse())) {
                client.sendNoOp();
                turn.used();
            } else if (client.serverHungUp()) {
                disconnect();
            }
        } catch (IOException e) {
            disconnect();
        } finally {
            turn.release();
        }
    }

    /**
     * From any thread, while {@link #open} runs: closes the connection being opened, so that the
     * attempt fails at once (the log says the user cancelled it).
     */
    public void cancelOpening() {
        calls.notice(Severity.INFO, "cancelled");
        disconnect();
    }

    /** QUIT, then closes the control connection; safe to call more than once and on a broken session. */
    @Override
    public void close() {
        keepAlive.stop();
        if (client.isConnected() && turn.tryTake()) {
            try {
                client.setSoTimeout(2000);
                client.logout();
            } catch (IOException ignored) {
                // going away anyway
            } finally {
                turn.release();
            }
        }
        disconnect();
    }

    void disconnect() {
        keepAlive.stop();
        try {
            client.disconnect();
        } catch (IOException ignored) {
            // the socket is closed either way
        }
    }

    // --- for the session's parts -----------------------------------------------------------

    InstrumentedFtpClient client() {
        return client;
    }

    DataConnector connector() {
        return connector;
    }

    /** The TLS layer of the current connection; null for plain FTP. */
    TlsLayer tls() {
        return tls;
    }

    /**
     * Replaces the control connection with a new one, logged in (offering the TLS versions
     * {@link TlsFallback} chose) and back in the working folder. The caller has the turn.
     */
    void reconnect() throws IOException {
        String dir = workingDir;
        disconnect();
        newConnection(id.owner());
        connectAndLogin();
        if (dir != null && !client.changeWorkingDirectory(dir)) {
            throw client.refusal(UserMessage.of("refused.return", dir), true);
        }
    }

}
