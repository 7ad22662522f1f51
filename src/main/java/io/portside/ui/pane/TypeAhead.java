package io.portside.ui.pane;

import io.portside.files.FileEntry;
import java.util.Locale;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyEvent;

/** Type-ahead find: typing a few letters quickly selects the first entry whose name starts with them. */
final class TypeAhead {
    private static final long RESET_NANOS = 1_000_000_000L;
    private final StringBuilder typed = new StringBuilder();
    private long last;

    void install(TableView<FileEntry> table) {
        table.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch.isEmpty() || Character.isISOControl(ch.charAt(0)) || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            long now = System.nanoTime();
            if (now - last > RESET_NANOS) {
                typed.setLength(0);
            }
            last = now;
            typed.append(ch.toLowerCase(Locale.ROOT));
            String prefix = typed.toString();
            var items = table.getItems();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    table.getSelectionModel().clearAndSelect(i);
                    table.getFocusModel().focus(i);
                    table.scrollTo(i);
                    break;
                }
            }
            e.consume();
        });
    }
}
