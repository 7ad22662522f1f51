package io.portside.ui.status;

import io.portside.ftp.DataMode;
import io.portside.ftp.event.Units;
import io.portside.ui.connection.ConnectionState;
import io.portside.ui.connection.ConnectionViewModel;
import io.portside.ui.fx.UiText;
import io.portside.ui.queue.QueueViewModel;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;

/** The window's bottom line: a message, then connection state, server, mode, transfers and rate. */
public final class StatusBarView extends StatusBar {

    public StatusBarView(ConnectionViewModel conn, QueueViewModel queue, UiText text) {
        setId("statusBar");
        setText(text.get("status.ready"));
        Label state = label("statusState");
        state.textProperty().bind(Bindings.createStringBinding(
                () -> text.get("state." + conn.state().get().name().toLowerCase(Locale.ROOT)), conn.state()));
        conn.state().addListener((o, a, s) -> {
            state.getStyleClass().removeAll("state-connected", "state-connecting", "state-lost");
            switch (s) {
                case CONNECTED -> state.getStyleClass().add("state-connected");
                case CONNECTING -> state.getStyleClass().add("state-connecting");
                case LOST -> state.getStyleClass().add("state-lost");
                case DISCONNECTED -> { }
            }
        });
        Label server = label("statusServer");
        server.textProperty().bind(Bindings.createStringBinding(
                () -> conn.connectedSite().get() == null ? text.get("status.noServer") : conn.connectedSite().get().toString(),
                conn.connectedSite()));
        Label mode = label("statusMode");
        mode.textProperty().bind(Bindings.createStringBinding(() -> text.get(
                conn.mode().get() == DataMode.PASSIVE ? "status.mode.passive" : "status.mode.active",
                text.get(conn.extended().get() ? "status.extended.always" : "status.extended.auto")),
                conn.mode(), conn.extended()));
        Label transfers = label("statusTransfers");
        transfers.textProperty().bind(Bindings.createStringBinding(
                () -> text.get("status.transfers", queue.running().get(), queue.waiting().get()),
                queue.running(), queue.waiting()));
        Label rate = label("statusRate");
        rate.textProperty().bind(Bindings.createStringBinding(
                () -> Units.size((long) queue.totalRate().get()) + "/s", queue.totalRate()));
        Label security = label("statusSecurity");
        security.textProperty().bind(Bindings.createStringBinding(() -> {
            ConnectionViewModel.Security sec = conn.security().get();
            return !sec.connected() ? "" : sec.encrypted() ? text.get("status.encrypted", tlsName(sec.tlsVersion()))
                    : text.get("status.clear");
        }, conn.security()));
        conn.security().addListener((o, a, sec) -> {
            security.getStyleClass().removeAll("security-clear", "security-encrypted");
            if (sec.connected()) {
                security.getStyleClass().add(sec.encrypted() ? "security-encrypted" : "security-clear");
            }
        });
        security.visibleProperty().bind(security.textProperty().isNotEmpty());
        security.managedProperty().bind(security.visibleProperty());
        Separator afterSecurity = sep();
        afterSecurity.visibleProperty().bind(security.visibleProperty());
        afterSecurity.managedProperty().bind(security.visibleProperty());
        getRightItems().addAll(security, afterSecurity, state, sep(), server, sep(), mode, sep(), transfers, sep(), rate);
    }

    /** "TLSv1.3" as people say it: "TLS 1.3". */
    static String tlsName(String version) {
        return version == null || version.equals("null") ? "TLS" : version.replace("TLSv", "TLS ");
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("status-item");
        // each segment as wide as its text ("Not c…" told nothing): the message on the left gives way
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }
}
