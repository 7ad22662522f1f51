package io.portside.ui.connection;

import io.portside.ftp.DataMode;
import io.portside.ftp.Protocol;
import io.portside.ui.fx.UiText;
import io.portside.sites.SiteProfile;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.SegmentedButton;

/** Host, port, user, password, protocol, passive/active (+ extended), connect, history. */
public final class ConnectionBar extends HBox {
    private final ConnectionViewModel model;

    public ConnectionBar(ConnectionViewModel model, UiText text, Supplier<ObservableList<SiteProfile>> history) {
        super(6);
        this.model = model;
        getStyleClass().add("connection-bar");

        TextField host = field("host", text.get("bar.host.prompt"), 170);
        host.textProperty().bindBidirectional(model.host());
        HBox.setHgrow(host, Priority.SOMETIMES);
        TextField port = field("port", "21", 60);
        port.textProperty().bindBidirectional(model.port());
        TextField user = field("user", text.get("bar.user.prompt"), 110);
        user.textProperty().bindBidirectional(model.user());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText(text.get("bar.password.prompt"));
        password.setPrefWidth(110);
        password.textProperty().bindBidirectional(model.password());

        ComboBox<Protocol> protocol = new ComboBox<>();
        protocol.setId("protocol");
        protocol.getItems().setAll(Protocol.values());
        protocol.valueProperty().bindBidirectional(model.protocol());
        protocol.setConverter(new ProtocolNames(text));
        protocol.valueProperty().addListener((o, a, p) -> {
            if (a != null && String.valueOf(a.defaultPort()).equals(model.port().get())) {
                model.port().set(String.valueOf(p.defaultPort()));
            }
        });

        ToggleButton passive = new ToggleButton(text.get("bar.passive"));
        passive.setId("modePassive");
        passive.setTooltip(new Tooltip(text.get("bar.passive.tip")));
        ToggleButton active = new ToggleButton(text.get("bar.active"));
        active.setId("modeActive");
        active.setTooltip(new Tooltip(text.get("bar.active.tip")));
        SegmentedButton mode = new SegmentedButton(passive, active);
        mode.setId("mode");
        passive.setSelected(model.mode().get() == DataMode.PASSIVE);
        active.setSelected(model.mode().get() == DataMode.ACTIVE);
        // A segmented button may end up with nothing selected; keep exactly one chosen.
        mode.getToggleGroup().selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                model.mode().set(now == active ? DataMode.ACTIVE : DataMode.PASSIVE);
            }
        });
        model.mode().addListener((o, a, m) -> (m == DataMode.ACTIVE ? active : passive).setSelected(true));

        CheckBox extended = new CheckBox(text.get("bar.extended"));
        extended.setId("extended");
        extended.setTooltip(new Tooltip(text.get("bar.extended.tip")));
        extended.selectedProperty().bindBidirectional(model.extended());

        Button connect = new Button();
        connect.setId("connect");
        connect.setDefaultButton(false);
        connect.textProperty().bind(Bindings.createStringBinding(() -> switch (model.state().get()) {
            case DISCONNECTED -> text.get("bar.connect");
            case CONNECTING -> text.get("bar.cancel");
            case CONNECTED -> text.get("bar.disconnect");
            case LOST -> text.get("bar.reconnect");
        }, model.state()));
        connect.getStyleClass().add("connect-button");
        connect.setOnAction(e -> {
            switch (model.state().get()) {
                case CONNECTED -> model.disconnect();
                case CONNECTING -> model.cancel();
                default -> model.connect();
            }
        });
        Tooltip cancelTip = new Tooltip(text.get("bar.cancel.tip"));
        connect.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> model.state().get() == ConnectionState.CONNECTING ? cancelTip : null, model.state()));
        // Escape anywhere in the window stops an attempt under way (and only then: elsewhere it is the fields' own)
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, k -> {
                    if (k.getCode() == KeyCode.ESCAPE && model.state().get() == ConnectionState.CONNECTING) {
                        model.cancel();
                        k.consume();
                    }
                });
            }
        });
        host.setOnAction(e -> model.connect());
        password.setOnAction(e -> model.connect());
        port.setOnAction(e -> model.connect());
        user.setOnAction(e -> model.connect());

        MenuButton recent = new MenuButton(text.get("bar.history"));
        recent.setId("history");
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (SiteProfile s : history.get()) {
                // The history keeps no password: the user types it again.
                MenuItem item = new MenuItem(s.name());
                item.setOnAction(a -> model.fill(s, ""));
                recent.getItems().add(item);
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem(text.get("bar.history.none"));
                none.setDisable(true);
                recent.getItems().add(none);
            }
        });
        recent.getItems().add(new MenuItem(text.get("bar.history.none")));

        getChildren().addAll(label(text.get("bar.host")), host, label(text.get("bar.port")), port,
                label(text.get("bar.user")), user, label(text.get("bar.password")), password, protocol,
                mode, extended, connect, recent);
        // On a narrow window the text fields give way; labels and buttons keep their words.
        for (var n : getChildren()) {
            if (n instanceof javafx.scene.control.Labeled || n instanceof SegmentedButton || n instanceof ComboBox) {
                ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        host.setMinWidth(90);
        user.setMinWidth(60);
        password.setMinWidth(60);
        port.setMinWidth(50);
    }

    private static Label label(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("bar-label");
        return l;
    }

    private static TextField field(String id, String prompt, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        return f;
    }

    public ConnectionViewModel model() {
        return model;
    }
}
