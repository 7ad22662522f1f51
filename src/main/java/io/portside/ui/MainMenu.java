package io.portside.ui;

import io.portside.ftp.DataMode;
import io.portside.transfer.TypeChoice;
import io.portside.ui.connection.ConnectionViewModel;
import io.portside.ui.fx.UiText;
import java.util.Locale;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.beans.property.ObjectProperty;
import javafx.scene.input.KeyCombination;

/** The menu bar: every action of the window, with accelerators. */
final class MainMenu {
    private MainMenu() {
    }

    /** The actions the menus trigger; the window supplies them. */
    interface Actions {
        void siteManager();

        void startTestServer();

        void quit();

        void transferSelection();

        void newFolder();

        void rename();

        void delete();

        void refresh();

        void showTab(int index);

        void language(String tag);

        void transferType(TypeChoice type);

        void about();

        void diagnose();

        void settings();

        void synchronize();
    }

    static MenuBar build(UiText text, ConnectionViewModel conn, Actions a, String currentLanguage,
                         ObjectProperty<TypeChoice> currentType, Menu capture,
                         java.util.List<MenuItem> compareItems) {
        Menu file = new Menu(text.get("menu.file"));
        file.getItems().addAll(
                item(text, "menu.siteManager", "Shortcut+S", a::siteManager),
                item(text, "menu.testServer", "Shortcut+T", a::startTestServer),
                new SeparatorMenuItem(),
                item(text, "menu.quit", "Shortcut+Q", a::quit));

        Menu edit = new Menu(text.get("menu.edit"));
        edit.getItems().add(item(text, "menu.settings", "Shortcut+Comma", a::settings));

        Menu connection = new Menu(text.get("menu.connection"));
        ToggleGroup modes = new ToggleGroup();
        RadioMenuItem passive = radio(text, "menu.passive", "Shortcut+Shift+P", modes, () -> conn.mode().set(DataMode.PASSIVE));
        RadioMenuItem active = radio(text, "menu.active", "Shortcut+Shift+A", modes, () -> conn.mode().set(DataMode.ACTIVE));
        passive.setSelected(conn.mode().get() == DataMode.PASSIVE);
        active.setSelected(conn.mode().get() == DataMode.ACTIVE);
        conn.mode().addListener((o, x, m) -> (m == DataMode.ACTIVE ? active : passive).setSelected(true));
        javafx.scene.control.CheckMenuItem extended = new javafx.scene.control.CheckMenuItem(text.get("menu.extended"));
        extended.selectedProperty().bindBidirectional(conn.extended());
        connection.getItems().addAll(
                item(text, "menu.connect", "Shortcut+K", conn::connect),
                item(text, "menu.disconnect", "Shortcut+D", conn::disconnect),
                new SeparatorMenuItem(), passive, active, extended, capture,
                new SeparatorMenuItem(),
                item(text, "menu.diagnose", null, a::diagnose));

        Menu files = new Menu(text.get("menu.files"));
        files.getItems().addAll(
                item(text, "menu.transfer", "F6", a::transferSelection),
                item(text, "menu.synchronize", "Shortcut+Shift+Y", a::synchronize),
                // F7, F2, Del and F5 are handled by the focused table itself (so Del in the
                // queue cancels a job instead of deleting files); the menu only names them.
                item(text, "menu.newFolder", null, a::newFolder),
                item(text, "menu.rename", null, a::rename),
                item(text, "menu.delete", null, a::delete),
                item(text, "menu.refresh", null, a::refresh),
                new SeparatorMenuItem(), transferTypes(text, a, currentType));

        Menu view = new Menu(text.get("menu.view"));
        Menu language = new Menu(text.get("menu.language"));
        ToggleGroup langs = new ToggleGroup();
        for (String[] l : new String[][] {{"", "menu.language.system"}, {"en", "menu.language.en"}, {"zh_CN", "menu.language.zh"}}) {
            RadioMenuItem r = radio(text, l[1], null, langs, () -> a.language(l[0]));
            r.setSelected(l[0].equals(currentLanguage));
            language.getItems().add(r);
        }
        view.getItems().addAll(
                item(text, "menu.queueTab", "Shortcut+1", () -> a.showTab(0)),
                item(text, "menu.logTab", "Shortcut+2", () -> a.showTab(1)),
                item(text, "menu.diagramTab", "Shortcut+3", () -> a.showTab(2)),
                new SeparatorMenuItem());
        view.getItems().addAll(compareItems);
        view.getItems().addAll(new SeparatorMenuItem(), language);
        Menu help = new Menu(text.get("menu.help"));
        help.getItems().add(item(text, "menu.about", null, a::about));
        MenuBar bar = new MenuBar(file, edit, connection, files, view, help);
        bar.setId("menuBar");
        return bar;
    }

    /** Files › Transfer type: bytes, text, or text by extension. */
    private static Menu transferTypes(UiText text, Actions a, ObjectProperty<TypeChoice> current) {
        Menu menu = new Menu(text.get("menu.transferType"));
        ToggleGroup types = new ToggleGroup();
        for (TypeChoice t : TypeChoice.values()) {
            RadioMenuItem r = radio(text, "menu.type." + t.name().toLowerCase(Locale.ROOT), null, types,
                    () -> a.transferType(t));
            r.setSelected(t == current.get());
            current.addListener((o, was, now) -> r.setSelected(t == now)); // the settings dialog sets it too
            menu.getItems().add(r);
        }
        return menu;
    }

    private static MenuItem item(UiText text, String key, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text.get(key));
        m.setId(key);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private static RadioMenuItem radio(UiText text, String key, String accelerator, ToggleGroup g, Runnable action) {
        RadioMenuItem m = new RadioMenuItem(text.get(key));
        m.setId(key);
        m.setToggleGroup(g);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
