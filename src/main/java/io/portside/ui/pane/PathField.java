package io.portside.ui.pane;

import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyEvent;

/**
 * The path bar's editable field with the folders visited as its drop-down. It navigates only
 * when the user asks: Enter on what was typed, or a pick from the drop-down. Losing the focus
 * never navigates (an editable combo box commits its text on focus loss, and treating that
 * commit as a request sent the pane back to a folder the field still showed); Escape and focus
 * loss put the listed folder back into the field, which otherwise always shows the folder listed.
 */
final class PathField {
    private final ComboBox<String> box;
    private final FilePaneViewModel model;

    PathField(ComboBox<String> box, FilePaneViewModel model) {
        this.box = box;
        this.model = model;
        box.setEditable(true);
        box.setItems(model.recent());
        box.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        // a value change reaches here as an action; only a pick from the open drop-down is one
        box.setOnAction(e -> {
            String picked = box.getValue();
            if (box.isShowing() && picked != null && !picked.equals(model.folder().get())) {
                model.open(picked);
            }
        });
        box.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                showListed();
            }
        });
        model.folder().addListener((o, a, now) -> showListed());
        model.refusal().addListener((o, a, now) -> {
            if (now != null) {
                showListed();
            }
        });
    }

    private void key(KeyEvent e) {
        if (box.isShowing()) {
            return; // the drop-down's own keys
        }
        switch (e.getCode()) {
            case ENTER -> {
                String typed = box.getEditor().getText();
                if (typed != null && !typed.isBlank() && !typed.strip().equals(model.folder().get())) {
                    model.openTyped(typed);
                }
                e.consume();
            }
            case ESCAPE -> {
                showListed();
                box.getEditor().selectAll();
                e.consume();
            }
            default -> { }
        }
    }

    /** The field shows the folder listed (value too, so a later commit of the text changes nothing). */
    private void showListed() {
        String listed = model.folder().get();
        box.setValue(listed);
        box.getEditor().setText(listed);
    }
}
