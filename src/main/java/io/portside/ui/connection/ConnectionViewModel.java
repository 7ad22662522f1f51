package io.portside.ui.connection;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpException;
import io.portside.ftp.UserMessage;
import io.portside.ftp.FtpSession;
import io.portside.ftp.Protocol;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ui.capture.WindowCapture;
import io.portside.ui.fx.FxBatcher;
import io.portside.ftp.tls.TlsPolicy;
import io.portside.sites.PasswordMode;
import io.portside.sites.SiteProfile;
import java.nio.charset.Charset;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The connection bar's fields and the "browse" session they open ({@link BrowseSession}: cancellable,
 * watched, reconnected on the next action). The session lives on the browse worker thread; only
 * {@link FtpSession#setMode} (thread-safe) is called from the FX thread, so a mode switch on a
 * live session is immediate and shows in the log.
 */
public final class ConnectionViewModel implements BrowseSession.Events {
    /** Reconnects that may fail in a row before the window gives up and says so. */
    public static final int MAX_RECONNECTS = BrowseSession.MAX_RECONNECTS;
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("21");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(Protocol.FTP);
    private final ObjectProperty<DataMode> mode = new SimpleObjectProperty<>(DataMode.PASSIVE);
    private final BooleanProperty extended = new SimpleBooleanProperty(false);
    /** The saved site's "adjust server time", for comparing its times with local ones. */
    private final javafx.beans.property.IntegerProperty timeOffsetMinutes =
            new javafx.beans.property.SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyObjectWrapper<Site> connectedSite = new ReadOnlyObjectWrapper<>();
    /** The site of the latest connection attempt, for the status bar while it is under way. */
    private Site attempting;
    private final BrowseSession browse;
    private volatile SessionOptions baseOptions;
    private final ReadOnlyObjectWrapper<Security> security = new ReadOnlyObjectWrapper<>(Security.NONE);
    private volatile TlsPolicy tlsPolicy = TlsPolicy.systemOnly();
    private WindowCapture capture;
    private Charset charset;
    private Runnable onConnected = () -> { };
    private Runnable onReconnect = () -> { };
    private Runnable onCancelled = () -> { };
    private Consumer<FtpException> onFailed = e -> { };
    private java.util.function.BiConsumer<Site, FtpException> onGaveUp = (s, e) -> { };
    private Consumer<SessionOptions> onOptionsChanged = o -> { };

    /** How the current browse session protects what crosses the network. */
    public record Security(boolean connected, String tlsVersion) {
        static final Security NONE = new Security(false, null);

        public boolean encrypted() {
            return tlsVersion != null;
        }
    }

    public ConnectionViewModel(ProtocolEventBus bus, Executor browseWorker, FxBatcher bridge, SessionOptions baseOptions) {
        this.browse = new BrowseSession(bus, browseWorker, bridge, this);
        this.baseOptions = baseOptions;
        this.charset = baseOptions.charset();
        mode.addListener((o, a, b) -> modeChanged());
        extended.addListener((o, a, b) -> modeChanged());
    }

    /** How sessions decide about certificates (the window's dialog and trusted-certificates file). */
    public void setTlsPolicy(TlsPolicy policy) {
        this.tlsPolicy = policy;
    }

    public TlsPolicy tlsPolicy() {
        return tlsPolicy;
    }

    /** The window's packet capture, started for the host before the browse session connects. */
    public void setCapture(WindowCapture c) {
        this.capture = c;
        browse.setCapture(c);
    }

    public void onConnected(Runnable r) {
        onConnected = r;
    }

    public void onFailed(Consumer<FtpException> c) {
        onFailed = c;
    }

    /** What "Reconnect" does while the connection is lost: the window lists the remote folder again (which reconnects). */
    public void onReconnect(Runnable r) {
        onReconnect = r;
    }

    /** Told when the user stopped a connection attempt. */
    public void onCancelled(Runnable r) {
        onCancelled = r;
    }

    /** Told when reconnecting failed {@value BrowseSession#MAX_RECONNECTS} times in a row: the state is then DISCONNECTED. */
    public void onGaveUp(java.util.function.BiConsumer<Site, FtpException> c) {
        onGaveUp = c;
    }

    /**
     * Told, on the FX thread, the bar's new {@link #options()} whenever mode, extended or
     * charset change: an immutable snapshot for whoever else opens sessions (the transfer
     * queue, whose workers must not read these properties from their threads).
     */
    public void onOptionsChanged(Consumer<SessionOptions> c) {
        onOptionsChanged = c;
    }

    /**
     * Timeouts, keep-alive and active-mode address from Edit › Settings…: for the sessions opened
     * from now on (the browse session keeps its own until it reconnects).
     */
    public void setBaseOptions(SessionOptions options) {
        baseOptions = options;
        onOptionsChanged.accept(options());
    }

    /** Unchecked "extended" still lets the connection layer use EPSV/EPRT where it must (IPv6). */
    public ExtendedMode extendedMode() {
        return extended.get() ? ExtendedMode.ALWAYS : ExtendedMode.AUTO;
    }

    private void modeChanged() {
        FtpSession s = browse.current();
        if (s != null && s.isConnected()) {
            s.setMode(mode.get(), extendedMode());
        }
        onOptionsChanged.accept(options());
    }

    /** The site the fields describe; throws with a sentence when the host is empty or the port is not one. */
    public Site site() throws FtpException {
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            throw new FtpException(UserMessage.of("site.portNotNumber", port.get()));
        }
        if (p < 1 || p > 65535) {
            throw new FtpException(UserMessage.of("site.portNotNumber", p));
        }
        if (host.get().isBlank()) {
            throw new FtpException(UserMessage.of("site.noHost"));
        }
        return new Site(protocol.get(), host.get().strip(), p, user.get().strip(), password.get());
    }

    /** Session options as chosen in the bar (mode, extended, charset). */
    public SessionOptions options() {
        return baseOptions.withMode(mode.get(), extendedMode()).withCharset(charset);
    }

    /**
     * Connects to the site in the fields; while the connection is lost and the fields still name
     * its site, reconnects there instead (same folder).
     */
    public void connect() {
        if (state.get() == ConnectionState.CONNECTING) {
            return;
        }
        Site target;
        try {
            target = site();
        } catch (FtpException e) {
            onFailed.accept(e);
            return;
        }
        if (state.get() == ConnectionState.LOST && target.equals(connectedSite.get())) {
            onReconnect.run();
            return;
        }
        if (state.get() == ConnectionState.LOST) {
            browse.close(); // another site: the lost one's listing and notice go
            settleDisconnected();
        }
        attempting = target;
        state.set(ConnectionState.CONNECTING);
        browse.open(target, options(), tlsPolicy);
    }

    /** Stops a connection attempt under way (the bar's Cancel, Escape); its socket closes at once. */
    public void cancel() {
        if (state.get() != ConnectionState.CONNECTING) {
            return;
        }
        browse.cancel();
        settleDisconnected();
        onCancelled.run();
    }

    public void disconnect() {
        browse.close();
        settleDisconnected();
    }

    private void settleDisconnected() {
        state.set(ConnectionState.DISCONNECTED);
        connectedSite.set(null);
        security.set(Security.NONE);
    }

    @Override
    public void connected(FtpSession s, Site site, boolean fresh) {
        security.set(new Security(true, s.tlsVersion()));
        connectedSite.set(site);
        state.set(ConnectionState.CONNECTED);
        if (fresh) {
            onConnected.run();
        }
    }

    @Override
    public void lost() {
        if (state.get() == ConnectionState.CONNECTED) {
            security.set(Security.NONE); // nothing is protected (or exposed) by a closed connection
            state.set(ConnectionState.LOST);
        }
    }

    @Override
    public void failed(FtpException e, boolean reconnect, boolean gaveUp) {
        if (!reconnect) {
            settleDisconnected();
            onFailed.accept(e);
        } else if (gaveUp) {
            Site was = connectedSite.get();
            settleDisconnected();
            if (was != null) {
                onGaveUp.accept(was, e);
            }
        }
    }

    /**
     * The browse session, connected (browse thread only): connected again to the same site when
     * its connection was lost, back in {@code folder}; throws in words when that fails.
     */
    public FtpSession live(String folder) throws FtpException {
        return browse.live(folder);
    }

    /** The browse session as it is (it may be closed), or null. */
    public FtpSession session() {
        return browse.current();
    }

    /** Fills the fields from a saved site or a history entry; {@code password} may be empty. */
    public void fill(SiteProfile p, String password) {
        fill(p.protocol(), p.host(), p.port(), p.user(), password);
        timeOffsetMinutes.set(p.timeOffsetMinutes());
        mode.set(p.dataMode());
        extended.set(p.extendedMode() == ExtendedMode.ALWAYS);
        charset = Charset.forName(p.charset());
        onOptionsChanged.accept(options());
    }

    /** Fills address and credentials, keeping the chosen data mode. */
    public void fill(Protocol proto, String hostName, int portNumber, String userName, String pw) {
        host.set(hostName);
        port.set(String.valueOf(portNumber));
        user.set(userName == null ? "" : userName);
        password.set(pw == null ? "" : pw);
        protocol.set(proto);
        timeOffsetMinutes.set(0); // another server: its clock is its own
    }

    /** The fields as a site profile without password (for the history and the site manager). */
    public SiteProfile toProfile(String name) {
        return new SiteProfile(name, protocol.get(), host.get().strip(), parsePort(), user.get().strip(),
                PasswordMode.NOT_STORED, mode.get(), extendedMode(), null, null, charset.name(),
                timeOffsetMinutes.get());
    }

    private int parsePort() {
        try {
            return Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            return protocol.get().defaultPort();
        }
    }

    /** Minutes added to this server's listed times when compared and shown (Site Manager's "adjust server time"). */
    public javafx.beans.property.IntegerProperty timeOffsetMinutes() {
        return timeOffsetMinutes;
    }

    public StringProperty host() {
        return host;
    }

    public StringProperty port() {
        return port;
    }

    public StringProperty user() {
        return user;
    }

    public StringProperty password() {
        return password;
    }

    public ObjectProperty<Protocol> protocol() {
        return protocol;
    }

    public ObjectProperty<DataMode> mode() {
        return mode;
    }

    public BooleanProperty extended() {
        return extended;
    }

    public ReadOnlyObjectProperty<ConnectionState> state() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Security> security() {
        return security.getReadOnlyProperty();
    }

    /** The site the latest Connect is opening (or opened), as it was when Connect was chosen. */
    public Site attempting() {
        return attempting;
    }

    public ReadOnlyObjectProperty<Site> connectedSite() {
        return connectedSite.getReadOnlyProperty();
    }
}
