package io.portside.ui.dialog;

import io.portside.ui.fx.UiText;
import io.portside.files.FileEntry;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Remote properties: permissions as nine boxes and as an octal number (SITE CHMOD). */
public final class ChmodDialog extends Dialog<String> {
    private final CheckBox[] bits = new CheckBox[9];
    private final TextField octal = new TextField();

    public ChmodDialog(Window owner, UiText text, FileEntry entry) {
        initOwner(owner);
        setTitle(text.get("chmod.title"));
        setHeaderText(entry.path() + "\n" + text.get("chmod.owner", entry.owner() == null ? "?" : entry.owner()));
        getDialogPane().setId("chmodDialog");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        String[] who = {"chmod.user", "chmod.group", "chmod.others"};
        String[] what = {"chmod.read", "chmod.write", "chmod.execute"};
        for (int c = 0; c < 3; c++) {
            grid.add(new Label(text.get(what[c])), c + 1, 0);
        }
        for (int r = 0; r < 3; r++) {
            grid.add(new Label(text.get(who[r])), 0, r + 1);
            for (int c = 0; c < 3; c++) {
                CheckBox b = new CheckBox();
                bits[r * 3 + c] = b;
                b.selectedProperty().addListener((o, x, y) -> octal.setText(fromBits()));
                grid.add(b, c + 1, r + 1);
            }
        }
        octal.setPrefColumnCount(4);
        octal.setId("octal");
        grid.add(new Label(text.get("chmod.octal")), 0, 4);
        grid.add(octal, 1, 4, 3, 1);
        String perms = entry.permissions();
        if (perms != null && perms.length() >= 9) {
            String p = perms.substring(perms.length() - 9);
            for (int i = 0; i < 9; i++) {
                bits[i].setSelected(p.charAt(i) != '-');
            }
        }
        octal.setText(fromBits());
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK && octal.getText().matches("[0-7]{3,4}") ? octal.getText() : null);
    }

    private String fromBits() {
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            int v = 0;
            for (int c = 0; c < 3; c++) {
                v = v * 2 + (bits[r * 3 + c].isSelected() ? 1 : 0);
            }
            s.append(v);
        }
        return s.toString();
    }
}
