package io.portside.ui.dialog;

import io.portside.ftp.event.Units;
import io.portside.ui.fx.UiText;
import io.portside.ui.queue.Conflict;
import io.portside.ui.queue.Conflict.Choice;
import io.portside.ui.queue.ConflictResolver;
import io.portside.ui.queue.TransferRequest.Direction;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "The target exists": both files' size and date, five choices, and "apply to all". */
public final class ConflictDialog extends Dialog<Conflict.Decision> {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    public ConflictDialog(Window owner, UiText text, Conflict c) {
        initOwner(owner);
        setTitle(text.get("conflict.title"));
        boolean upload = c.request().direction() == Direction.UPLOAD;
        String target = upload ? c.request().remote() : c.request().local().toString();
        setHeaderText(text.get("conflict.header", target));
        getDialogPane().setId("conflictDialog");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.addRow(0, new Label(""), bold(text.get("conflict.size")), bold(text.get("conflict.modified")));
        grid.addRow(1, bold(text.get(upload ? "conflict.source.local" : "conflict.source.remote")),
                new Label(size(c.sourceSize())), new Label(when(c.sourceTime())));
        grid.addRow(2, bold(text.get(upload ? "conflict.target.remote" : "conflict.target.local")),
                new Label(size(c.targetSize())), new Label(when(c.targetTime())));
        CheckBox all = new CheckBox(text.get("conflict.applyToAll"));
        all.setId("applyToAll");
        getDialogPane().setContent(new VBox(10, grid, all));

        ButtonType[] types = new ButtonType[Choice.values().length];
        for (Choice ch : Choice.values()) {
            ButtonBar.ButtonData data = ch == Choice.SKIP ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER;
            types[ch.ordinal()] = new ButtonType(text.get("conflict." + ch.name().toLowerCase(Locale.ROOT)), data);
        }
        getDialogPane().getButtonTypes().setAll(types);
        getDialogPane().lookupButton(types[Choice.RESUME.ordinal()])
                .setDisable(c.targetSize() < 0 || c.sourceSize() >= 0 && c.targetSize() >= c.sourceSize());
        for (Choice ch : Choice.values()) {
            getDialogPane().lookupButton(types[ch.ordinal()]).setId("conflict" + ch.name());
        }
        setResultConverter(b -> {
            for (Choice ch : Choice.values()) {
                if (b == types[ch.ordinal()]) {
                    return new Conflict.Decision(ch, all.isSelected());
                }
            }
            return new Conflict.Decision(Choice.SKIP, false);
        });
    }

    /** A resolver for the queue: shows the dialog on the FX thread and waits for the answer. */
    public static ConflictResolver resolver(Supplier<Window> owner, UiText text) {
        return conflict -> {
            CompletableFuture<Conflict.Decision> answer = new CompletableFuture<>();
            Platform.runLater(() -> answer.complete(new ConflictDialog(owner.get(), text, conflict).showAndWait()
                    .orElse(new Conflict.Decision(Choice.SKIP, false))));
            return answer.join();
        };
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("strong");
        return l;
    }

    private static String size(long n) {
        return n < 0 ? "?" : Units.size(n) + "  (" + String.format("%,d", n) + " B)";
    }

    private static String when(Instant t) {
        return t == null ? "?" : WHEN.format(t);
    }
}
