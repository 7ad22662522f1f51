package io.portside.ui;

import io.portside.ftp.Site;
import io.portside.sites.SiteProfile;
import io.portside.sites.SiteStore;
import io.portside.sites.SiteStoreException;
import io.portside.ui.connection.ConnectionViewModel;
import io.portside.ui.dialog.MasterPasswordGate;
import io.portside.ui.dialog.PasswordPrompt;
import io.portside.ui.dialog.SiteManagerDialog;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.fx.UiText;
import io.portside.ui.pane.FilePane;
import java.util.Arrays;
import java.util.concurrent.Executor;
import javafx.stage.Window;

/**
 * Saved sites from the window's side: the site manager, and connecting to the site it returns.
 * The site store's files and its decryption are I/O, so they run on {@code io}; dialogs run here.
 */
final class SiteActions {
    private final Window owner;
    private final UiText text;
    private final SiteStore sites;
    private final MasterPasswordGate masterPassword;
    private final ConnectionViewModel connection;
    private final FilePane local;
    private final Executor io;
    private final FxBatcher bridge;
    private final ErrorReporter errors;
    private final Runnable saveSettings;

    /**
     * @param saveSettings run after the site manager closes, as it was when sites lived in
     *                     settings.json (the store saves itself now; kept so nothing changes)
     */
    SiteActions(Window owner, UiText text, SiteStore sites, ConnectionViewModel connection, FilePane local,
                Executor io, FxBatcher bridge, ErrorReporter errors, Runnable saveSettings) {
        this.owner = owner;
        this.text = text;
        this.sites = sites;
        this.masterPassword = new MasterPasswordGate(sites, text, io, bridge);
        this.connection = connection;
        this.local = local;
        this.io = io;
        this.bridge = bridge;
        this.errors = errors;
        this.saveSettings = saveSettings;
    }

    void openSiteManager() {
        new SiteManagerDialog(owner, text, masterPassword, io, bridge).showAndWait().ifPresent(this::connectTo);
        saveSettings.run();
    }

    /**
     * Connects to a saved site: its stored password is decrypted (asking for the master
     * password once per run), or the password is asked for when it is not stored.
     */
    private void connectTo(SiteProfile site) {
        char[] typed = null;
        if (sites.hasStoredPassword(site.name())) {
            if (!masterPassword.unlock(owner)) {
                return;
            }
        } else if (!site.isAnonymous()) {
            typed = PasswordPrompt.ask(owner, text, site.name(), site.user()).orElse(null);
            if (typed == null) {
                return;
            }
        }
        char[] password = typed;
        io.execute(() -> {
            try {
                Site target = sites.sessionSite(site.name(), password);
                bridge.post(() -> {
                    connection.fill(site, target.password());
                    if (site.localFolder() != null) {
                        local.model().open(site.localFolder());
                    }
                    connection.connect();
                });
            } catch (SiteStoreException e) {
                bridge.post(() -> errors.show(text.get("error.connect"), e));
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        });
    }
}
