package io.portside.ui.dialog;

import io.portside.ui.fx.UiText;
import io.portside.files.FileEntry;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** Confirm delete and ask-for-a-name: small modal questions. */
public final class SimpleDialogs {
    private SimpleDialogs() {
    }

    public static boolean confirmDelete(Window owner, UiText text, List<FileEntry> entries) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner);
        a.setTitle(text.get("dialog.delete.title"));
        a.setHeaderText(text.get("dialog.delete.header", entries.size()));
        String names = entries.stream().limit(10).map(e -> (e.directory() ? "📁 " : "• ") + e.name())
                .collect(Collectors.joining("\n"));
        a.setContentText(names + (entries.size() > 10 ? "\n…" : "")
                + (entries.stream().anyMatch(FileEntry::directory) ? "\n\n" + text.get("dialog.delete.folders") : ""));
        a.getDialogPane().setId("confirmDelete");
        ButtonType delete = new ButtonType(text.get("dialog.delete.ok"), ButtonType.OK.getButtonData());
        a.getButtonTypes().setAll(delete, ButtonType.CANCEL);
        return a.showAndWait().filter(b -> b == delete).isPresent();
    }

    public static String askName(Window owner, UiText text, String title, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(title);
        d.setContentText(text.get("dialog.name"));
        d.getDialogPane().setId("nameDialog");
        return d.showAndWait().orElse(null);
    }
}
