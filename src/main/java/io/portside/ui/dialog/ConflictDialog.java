package io.portside.ui.dialog;

import io.portside.ftp.event.Units;
import io.portside.transfer.Conflict;
import io.portside.transfer.ConflictDecision;
import io.portside.transfer.ConflictPolicy;
import io.portside.transfer.ConflictResolver;
import io.portside.transfer.Direction;
import io.portside.ui.fx.UiText;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.FormatStyle;
import java.util.List;
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
public final class ConflictDialog extends Dialog<ConflictDecision> {
    /** The buttons, in this order; the other policies are for settings and the command line, not for one file. */
    static final List<ConflictPolicy> CHOICES = List.of(ConflictPolicy.OVERWRITE,
            ConflictPolicy.OVERWRITE_IF_NEWER, ConflictPolicy.RESUME, ConflictPolicy.RENAME, ConflictPolicy.SKIP);
    /** Closing the dialog without a choice. */
    private static final ConflictDecision SKIP_THIS_ONE = new ConflictDecision(ConflictPolicy.SKIP, false);

    public ConflictDialog(Window owner, UiText text, Conflict c) {
        initOwner(owner);
        setTitle(text.get("conflict.title"));
        boolean upload = c.job().direction() == Direction.UPLOAD;
        String target = upload ? c.job().remotePath() : c.job().localPath();
        setHeaderText(text.get("conflict.header", target));
        getDialogPane().setId("conflictDialog");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.addRow(0, new Label(""), bold(text.get("conflict.size")), bold(text.get("conflict.modified")));
        grid.addRow(1, bold(text.get(upload ? "conflict.source.local" : "conflict.source.remote")),
                cell("conflictSourceSize", size(text, c.source().size())),
                cell("conflictSourceTime", when(text, c.source().modified())));
        grid.addRow(2, bold(text.get(upload ? "conflict.target.remote" : "conflict.target.local")),
                cell("conflictTargetSize", size(text, c.target().size())),
                cell("conflictTargetTime", when(text, c.target().modified())));
        Label verdict = cell("conflictVerdict", verdict(text, c));
        verdict.setWrapText(true);
        CheckBox all = new CheckBox(text.get("conflict.applyToAll"));
        all.setId("applyToAll");
        getDialogPane().setContent(new VBox(10, grid, verdict, all));

        List<ButtonType> types = CHOICES.stream().map(ch -> new ButtonType(
                text.get("conflict." + ch.name().toLowerCase(Locale.ROOT)),
                ch == ConflictPolicy.SKIP ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER)).toList();
        getDialogPane().getButtonTypes().setAll(types);
        for (int i = 0; i < CHOICES.size(); i++) {
            getDialogPane().lookupButton(types.get(i)).setId("conflict" + CHOICES.get(i).name());
        }
        long sourceSize = c.source().size();
        long targetSize = c.target().size();
        getDialogPane().lookupButton(types.get(CHOICES.indexOf(ConflictPolicy.RESUME)))
                .setDisable(targetSize < 0 || sourceSize >= 0 && targetSize >= sourceSize);
        setResultConverter(b -> {
            int chosen = types.indexOf(b);
            return chosen < 0 ? SKIP_THIS_ONE : new ConflictDecision(CHOICES.get(chosen), all.isSelected());
        });
    }

    /** A resolver for the queue: shows the dialog on the FX thread and waits for the answer. */
    public static ConflictResolver resolver(Supplier<Window> owner, UiText text) {
        return conflict -> {
            CompletableFuture<ConflictDecision> answer = new CompletableFuture<>();
            Platform.runLater(() -> answer.complete(new ConflictDialog(owner.get(), text, conflict).showAndWait()
                    .orElse(SKIP_THIS_ONE)));
            return answer.join();
        };
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("strong");
        return l;
    }

    private static Label cell(String id, String value) {
        Label l = new Label(value);
        l.setId(id);
        return l;
    }

    /** "17 B", or "4.2 MiB (4,404,019 B)" in the user's digit grouping: exact bytes only where the unit rounds. */
    static String size(UiText text, long n) {
        if (n < 0) {
            return text.get("conflict.unknown");
        }
        String exact = NumberFormat.getIntegerInstance(text.locale()).format(n);
        return n < 1024 ? exact + " B" : Units.size(n) + "  (" + exact + " B)";
    }

    static String when(UiText text, Instant t) {
        return t == null ? text.get("conflict.unknown") : text.dateTime(FormatStyle.MEDIUM).format(t);
    }

    /** Which of the two is newer and which is larger: what "overwrite if newer" and "resume" decide on. */
    static String verdict(UiText text, Conflict c) {
        String incoming = text.get("conflict.incoming");
        String existing = text.get("conflict.existing");
        Instant s = c.source().modified();
        Instant t = c.target().modified();
        String time;
        if (s == null || t == null) {
            time = text.get("conflict.compare.timeUnknown");
        } else {
            int cmp = s.truncatedTo(ChronoUnit.SECONDS).compareTo(t.truncatedTo(ChronoUnit.SECONDS));
            time = cmp == 0 ? text.get("conflict.compare.sameTime")
                    : text.get("conflict.compare.newer", cmp > 0 ? incoming : existing);
        }
        long a = c.source().size();
        long b = c.target().size();
        String size = a < 0 || b < 0 ? text.get("conflict.compare.sizeUnknown")
                : a == b ? text.get("conflict.compare.sameSize")
                : text.get("conflict.compare.larger", a > b ? incoming : existing);
        return time + " " + size;
    }
}
