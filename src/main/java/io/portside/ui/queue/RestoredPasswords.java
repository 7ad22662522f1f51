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
 * The password of a site whose jobs came back from the saved queue (which keeps none): the
 * window's own connection's when it is logged in to that site as that user (as FileZilla does),
 * else from the vault when a saved site with the same address and user stores one (the master
 * password is asked for if the vault is locked), else typed by the user. Called on a queue worker, which
 * waits while the dialog is open on the FX thread; the queue asks once per site.
 */
public final class RestoredPasswords implements Function<Site, String> {
    private final SiteStore sites;
    private final MasterPasswordGate gate;
    private final UiText text;
    private final Supplier<Window> owner;
    private final Supplier<Site> connected;

    /** @param connected the site the window is connected to now (with its password), or null; read on the FX thread */
    public RestoredPasswords(SiteStore sites, MasterPasswordGate gate, UiText text, Supplier<Window> owner,
                             Supplier<Site> connected) {
        this.sites = sites;
        this.gate = gate;
        this.text = text;
        this.owner = owner;
        this.connected = connected;
    }

    /** What the FX thread found: a password (the connection's, or typed), or whether the vault was unlocked. */
    private record Answer(char[] password, boolean vaultUnlocked) {
    }

    @Override
    public String apply(Site site) {
        Optional<SiteProfile> saved = sites.storingPasswordOf(site);
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Site live = connected.get();
                if (live != null && live.password() != null && live.accountKey().equals(site.accountKey())) {
                    answer.complete(new Answer(live.password().toCharArray(), false));
                } else if (saved.isPresent()) {
                    answer.complete(new Answer(null, gate.unlock(owner.get())));
                } else {
                    answer.complete(new Answer(PasswordPrompt.ask(owner.get(), text, site.toString(), site.user())
                            .orElse(null), false));
                }
            } catch (RuntimeException e) {
                answer.complete(new Answer(null, false));
            }
        });
        try {
            Answer a = answer.get();
            if (a.password() != null || saved.isEmpty()) {
                return text(a.password());
            }
            return a.vaultUnlocked() ? text(sites.password(saved.get().name())) : null;
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
