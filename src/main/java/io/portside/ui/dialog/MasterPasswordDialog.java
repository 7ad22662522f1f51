package io.portside.ui.dialog;

import io.portside.sites.SiteStore;
import io.portside.ftp.UserMessage;
import io.portside.sites.SiteStoreException;
import io.portside.sites.WrongMasterPasswordException;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.fx.UiText;
import java.util.Arrays;
import java.util.concurrent.Executor;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Creates, asks for (unlock) or changes the master password of the {@link SiteStore}. The key
 * derivation takes about a second by design, so it runs on a worker; the dialog stays open
 * with a sentence when the password is wrong.
 */
public final class MasterPasswordDialog extends Dialog<MasterPasswordDialog.Result> {

    public enum Mode { CREATE, UNLOCK, CHANGE }

    /** DONE: created, unlocked or changed. DONT_STORE: the user chose not to store passwords. */
    public enum Result { DONE, DONT_STORE }

    private final PasswordField current = field("masterCurrent");
    private final PasswordField fresh = field("masterNew");
    private final PasswordField repeat = field("masterRepeat");
    private final Label message = new Label();

    public MasterPasswordDialog(Window owner, UiText text, SiteStore store, Executor worker, FxBatcher bridge, Mode mode) {
        initOwner(owner);
        setTitle(text.get("master.title." + mode.name().toLowerCase()));
        setHeaderText(text.get("master.header." + mode.name().toLowerCase()));
        getDialogPane().setId("masterPasswordDialog");
        message.setId("masterMessage");
        message.setWrapText(true);
        message.getStyleClass().add("dialog-message");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        if (mode != Mode.CREATE) {
            form.addRow(row++, new Label(text.get(mode == Mode.CHANGE ? "master.old" : "master.password")), current);
        }
        if (mode != Mode.UNLOCK) {
            form.addRow(row++, new Label(text.get("master.new")), fresh);
            form.addRow(row, new Label(text.get("master.repeat")), repeat);
        }
        getDialogPane().setContent(new VBox(10, form, message));
        ButtonType dontStore = new ButtonType(text.get("master.dontStore"), ButtonBar.ButtonData.OTHER);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (mode == Mode.CREATE) {
            getDialogPane().getButtonTypes().add(0, dontStore);
            ((Button) getDialogPane().lookupButton(dontStore)).setId("masterDontStore");
        }
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("masterOk");
        setResultConverter(b -> b == dontStore ? Result.DONT_STORE : null);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            if (mode != Mode.UNLOCK && !Arrays.equals(fresh.getText().toCharArray(), repeat.getText().toCharArray())) {
                message.setText(text.get("master.mismatch"));
                return;
            }
            if ((mode != Mode.CREATE && current.getText().isEmpty()) || (mode != Mode.UNLOCK && fresh.getText().isEmpty())) {
                message.setText(text.get("master.empty"));
                return;
            }
            char[] old = current.getText().toCharArray();
            char[] next = fresh.getText().toCharArray();
            ok.setDisable(true);
            message.setText(text.get("master.checking"));
            worker.execute(() -> {
                String problem = null;
                try {
                    switch (mode) {
                        case CREATE -> store.createMasterPassword(next);
                        case UNLOCK -> store.unlock(old);
                        case CHANGE -> store.changeMasterPassword(old, next);
                    }
                } catch (WrongMasterPasswordException wrong) {
                    problem = text.get("master.wrong");
                } catch (SiteStoreException other) {
                    problem = UserMessage.textOf(other, text.locale());
                } finally {
                    Arrays.fill(old, '\0');
                    Arrays.fill(next, '\0');
                }
                String why = problem;
                bridge.post(() -> {
                    ok.setDisable(false);
                    if (why == null) {
                        setResult(Result.DONE);
                    } else {
                        message.setText(why);
                        current.clear();
                        current.requestFocus();
                    }
                });
            });
        });
        setOnShown(e -> (mode == Mode.CREATE ? fresh : current).requestFocus());
    }

    private static PasswordField field(String id) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.setPrefColumnCount(22);
        return f;
    }
}
