package io.portside.ui.connection;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpException;
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
 * The connection bar's fields and the "browse" session they open. The session lives on the
 * browse worker thread; only {@link FtpSession#setMode} (thread-safe) is called from the FX
 * thread, so a mode switch on a live session is immediate and shows in the log.
 */
public final class ConnectionViewModel {
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("21");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(Protocol.FTP);
    private final ObjectProperty<DataMode> mode = new SimpleObjectProperty<>(DataMode.PASSIVE);
    private final BooleanProperty extended = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyObjectWrapper<Site> connectedSite = new ReadOnlyObjectWrapper<>();
    private final ProtocolEventBus bus;
    private final Executor browseWorker;
    private final FxBatcher bridge;
    private final SessionOptions baseOptions;
    private final ReadOnlyObjectWrapper<Security> security = new ReadOnlyObjectWrapper<>(Security.NONE);
    private volatile TlsPolicy tlsPolicy = TlsPolicy.systemOnly();
    private volatile WindowCapture capture;
    private Charset charset;
    private volatile FtpSession session;
    private Runnable onConnected = () -> { };
    private Consumer<FtpException> onFailed = e -> { };
    private Consumer<SessionOptions> onOptionsChanged = o -> { };

    /** How the current browse session protects what crosses the network. */
    public record Security(boolean connected, String tlsVersion) {
        static final Security NONE = new Security(false, null);

        public boolean encrypted() {
            return tlsVersion != null;
        }
    }

    public ConnectionViewModel(ProtocolEventBus bus, Executor browseWorker, FxBatcher bridge, SessionOptions baseOptions) {
        this.bus = bus;
        this.browseWorker = browseWorker;
        this.bridge = bridge;
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
    }

    public void onConnected(Runnable r) {
        onConnected = r;
    }

    public void onFailed(Consumer<FtpException> c) {
        onFailed = c;
    }

    /**
     * Told, on the FX thread, the bar's new {@link #options()} whenever mode, extended or
     * charset change: an immutable snapshot for whoever else opens sessions (the transfer
     * queue, whose workers must not read these properties from their threads).
     */
    public void onOptionsChanged(Consumer<SessionOptions> c) {
        onOptionsChanged = c;
    }

    /** Unchecked "extended" still lets the connection layer use EPSV/EPRT where it must (IPv6). */
    public ExtendedMode extendedMode() {
        return extended.get() ? ExtendedMode.ALWAYS : ExtendedMode.AUTO;
    }

    private void modeChanged() {
        FtpSession s = session;
        if (s != null && s.isConnected()) {
            s.setMode(mode.get(), extendedMode());
        }
        onOptionsChanged.accept(options());
    }

    /** The site the fields describe; throws with a sentence when the port is not a number. */
    public Site site() {
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port must be a number from 1 to 65535, not '" + port.get() + "'");
        }
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("the port must be a number from 1 to 65535, not " + p);
        }
        return new Site(protocol.get(), host.get().strip(), p, user.get().strip(), password.get());
    }

    /** Session options as chosen in the bar (mode, extended, charset). */
    public SessionOptions options() {
        return baseOptions.withMode(mode.get(), extendedMode()).withCharset(charset);
    }

    public void connect() {
        if (state.get() == ConnectionState.CONNECTING) {
            return;
        }
        Site target;
        try {
            target = site();
        } catch (IllegalArgumentException e) {
            onFailed.accept(new FtpException(e.getMessage()));
            return;
        }
        if (target.host().isEmpty()) {
            onFailed.accept(new FtpException("enter the server's host name or address first"));
            return;
        }
        SessionOptions opts = options();
        TlsPolicy tls = tlsPolicy;
        WindowCapture cap = capture;
        state.set(ConnectionState.CONNECTING);
        browseWorker.execute(() -> {
            closeQuietly();
            try {
                if (cap != null) {
                    cap.beforeConnect(target.host());
                }
                FtpSession s = FtpSession.open(target, opts, bus, "browse", tls);
                session = s;
                Security sec = new Security(true, s.tlsVersion());
                bridge.post(() -> {
                    security.set(sec);
                    connectedSite.set(target);
                    state.set(ConnectionState.CONNECTED);
                    onConnected.run();
                });
            } catch (FtpException e) {
                bridge.post(() -> {
                    state.set(ConnectionState.DISCONNECTED);
                    onFailed.accept(e);
                });
            }
        });
    }

    public void disconnect() {
        state.set(ConnectionState.DISCONNECTED);
        connectedSite.set(null);
        security.set(Security.NONE);
        FtpSession s = session;
        if (s != null) {
            s.abort();
        }
        browseWorker.execute(this::closeQuietly);
    }

    private void closeQuietly() {
        FtpSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }

    /** The browse session, for the remote pane's browser (browse thread only). */
    public FtpSession session() {
        return session;
    }

    /** Fills the fields from a saved site or a history entry; {@code password} may be empty. */
    public void fill(SiteProfile p, String password) {
        fill(p.protocol(), p.host(), p.port(), p.user(), password);
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
    }

    /** The fields as a site profile without password (for the history and the site manager). */
    public SiteProfile toProfile(String name) {
        return new SiteProfile(name, protocol.get(), host.get().strip(), parsePort(), user.get().strip(),
                PasswordMode.NOT_STORED, mode.get(), extendedMode(), null, null, charset.name());
    }

    private int parsePort() {
        try {
            return Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            return protocol.get().defaultPort();
        }
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

    public ReadOnlyObjectProperty<Site> connectedSite() {
        return connectedSite.getReadOnlyProperty();
    }
}
