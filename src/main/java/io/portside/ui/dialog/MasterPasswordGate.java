package io.portside.ui.dialog;

import io.portside.sites.SiteStore;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.fx.UiText;
import java.util.concurrent.Executor;
import javafx.stage.Window;

/**
 * Opens the site store's lock when a password is about to be stored or read: asks to create a
 * master password the first time, for it once per run after that. FX thread only.
 */
public final class MasterPasswordGate {
    /** What to do with a password the user typed into a site. */
    public enum Storing { ENCRYPTED, NOT_STORED, CANCELLED }

    private final SiteStore store;
    private final UiText text;
    private final Executor worker;
    private final FxBatcher bridge;

    public MasterPasswordGate(SiteStore store, UiText text, Executor worker, FxBatcher bridge) {
        this.store = store;
        this.text = text;
        this.worker = worker;
        this.bridge = bridge;
    }

    public SiteStore store() {
        return store;
    }

    /** Before storing a password: creates or asks for the master password as needed. */
    public Storing readyToStore(Window owner) {
        if (store.isUnlocked()) {
            return Storing.ENCRYPTED;
        }
        MasterPasswordDialog.Mode mode = store.hasMasterPassword()
                ? MasterPasswordDialog.Mode.UNLOCK : MasterPasswordDialog.Mode.CREATE;
        return show(owner, mode)
                .map(r -> r == MasterPasswordDialog.Result.DONE ? Storing.ENCRYPTED : Storing.NOT_STORED)
                .orElse(Storing.CANCELLED);
    }

    /** Before reading a stored password: true once the store is unlocked. */
    public boolean unlock(Window owner) {
        return store.isUnlocked() || show(owner, MasterPasswordDialog.Mode.UNLOCK).isPresent();
    }

    public boolean change(Window owner) {
        return show(owner, MasterPasswordDialog.Mode.CHANGE).isPresent();
    }

    private java.util.Optional<MasterPasswordDialog.Result> show(Window owner, MasterPasswordDialog.Mode mode) {
        return new MasterPasswordDialog(owner, text, store, worker, bridge, mode).showAndWait();
    }

}
