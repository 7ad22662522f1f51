package io.portside.ui.queue;

import io.portside.ftp.Site;
import io.portside.sites.SiteProfile;
import io.portside.sites.SiteStore;
import io.portside.sites.SiteStoreException;
import io.portside.ui.dialog.MasterPasswordGate;
import io.portside.ui.dialog.PasswordPrompt;
import io.portside.ui.fx.UiText;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * The password of a site whose jobs came back from the saved queue (which keeps none): from
 * the vault when a saved site with the same address and user stores one (the master password
 * is asked for if the vault is locked), else typed by the user. Called on a queue worker, which
 * waits while the dialog is open on the FX thread; the queue asks once per site.
 */
public final class RestoredPasswords implements Function<Site, String> {
    private final SiteStore sites;
    private final MasterPasswordGate gate;
    private final UiText text;
    private final Supplier<Window> owner;

    public RestoredPasswords(SiteStore sites, MasterPasswordGate gate, UiText text, Supplier<Window> owner) {
        this.sites = sites;
        this.gate = gate;
        this.text = text;
        this.owner = owner;
    }

    @Override
    public String apply(Site site) {
        Optional<SiteProfile> saved = sites.storingPasswordOf(site);
        CompletableFuture<char[]> typed = new CompletableFuture<>();
        CompletableFuture<Boolean> unlocked = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                if (saved.isPresent()) {
                    unlocked.complete(gate.unlock(owner.get()));
                } else {
                    typed.complete(PasswordPrompt.ask(owner.get(), text, site.toString(), site.user()).orElse(null));
                }
            } catch (RuntimeException e) {
                unlocked.complete(false);
                typed.complete(null);
            }
        });
        try {
            if (saved.isEmpty()) {
                return text(typed.get());
            }
            return unlocked.get() ? text(sites.password(saved.get().name())) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the queue is closing
            return null;
        } catch (ExecutionException | SiteStoreException e) {
            return null; // the job then fails saying no password was given
        }
    }

    private static String text(char[] password) {
        if (password == null) {
            return null;
        }
        String s = new String(password);
        Arrays.fill(password, '\0');
        return s;
    }
}
