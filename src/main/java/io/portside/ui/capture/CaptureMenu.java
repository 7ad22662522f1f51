package io.portside.ui.capture;

import io.portside.ftp.capture.CaptureMode;
import io.portside.ui.fx.UiText;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/** Connection › Packet capture: automatic (the default), always or never; applies from the next connection. */
public final class CaptureMenu {
    private CaptureMenu() {
    }

    /** @param remember keeps the choice in the window's settings */
    public static Menu build(UiText text, WindowCapture capture, Consumer<CaptureMode> remember) {
        Menu menu = new Menu(text.get("menu.capture"));
        menu.setId("menu.capture");
        ToggleGroup group = new ToggleGroup();
        for (CaptureMode m : new CaptureMode[] {CaptureMode.AUTO, CaptureMode.ON, CaptureMode.OFF}) {
            String key = "menu.capture." + m.name().toLowerCase(Locale.ROOT);
            RadioMenuItem r = new RadioMenuItem(text.get(key));
            r.setId(key);
            r.setToggleGroup(group);
            r.setSelected(m == capture.mode());
            r.setOnAction(e -> {
                capture.setMode(m);
                remember.accept(m);
            });
            menu.getItems().add(r);
        }
        return menu;
    }
}
