package io.portside.ui.connection;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.Protocol;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.settings.SavedSite;
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
    private Charset charset;
    private volatile FtpSession session;
    private Runnable onConnected = () -> { };
    private Consumer<FtpException> onFailed = e -> { };
    private Consumer<DataModeChange> onModeChanged = c -> { };

    /** A mode switch, for whoever else holds sessions (the transfer queue). */
    public record DataModeChange(DataMode mode, ExtendedMode extended) {
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

    public void onConnected(Runnable r) {
        onConnected = r;
    }

    public void onFailed(Consumer<FtpException> c) {
        onFailed = c;
    }

    public void onModeChanged(Consumer<DataModeChange> c) {
        onModeChanged = c;
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
        onModeChanged.accept(new DataModeChange(mode.get(), extendedMode()));
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
        state.set(ConnectionState.CONNECTING);
        browseWorker.execute(() -> {
            closeQuietly();
            try {
                FtpSession s = FtpSession.open(target, opts, bus, "browse");
                session = s;
                bridge.post(() -> {
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

    /** Fills the fields from a saved site or a history entry. */
    public void fill(SavedSite s) {
        host.set(s.host());
        port.set(String.valueOf(s.port()));
        user.set(s.user() == null ? "" : s.user());
        password.set(s.password() == null ? "" : s.password());
        protocol.set(s.protocol() == null ? Protocol.FTP : Protocol.ofScheme(s.protocol()));
        mode.set("ACTIVE".equalsIgnoreCase(s.mode()) ? DataMode.ACTIVE : DataMode.PASSIVE);
        extended.set(s.extended());
        charset = s.charset() == null || s.charset().isBlank() ? baseOptions.charset() : Charset.forName(s.charset());
    }

    /** The fields as a site entry (for the history and the site manager). */
    public SavedSite toSavedSite(String name) {
        return new SavedSite(name, host.get().strip(), parsePort(), protocol.get().scheme(), user.get().strip(),
                password.get(), mode.get().name(), extended.get(), null, null, charset.name());
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

    public ReadOnlyObjectProperty<Site> connectedSite() {
        return connectedSite.getReadOnlyProperty();
    }
}
