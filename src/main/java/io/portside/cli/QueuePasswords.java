package io.portside.cli;

import io.portside.ftp.Site;
import io.portside.sites.SiteProfile;
import io.portside.sites.SiteStore;
import io.portside.sites.SiteStoreException;
import io.portside.sites.WrongMasterPasswordException;
import io.portside.transfer.MissingPasswords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The passwords of the saved queue's sites (the queue keeps none), for {@link MissingPasswords}:
 * from the saved sites of the config folder when one stores the site's password (opened with
 * --master-password-file or the master password typed on the terminal), else typed on the
 * terminal. All are asked before the first transfer, once per site, so the run then goes on
 * unattended; with no terminal to ask on, a missing one is a failure in words.
 */
final class QueuePasswords implements Function<Site, String> {
    private final CommandContext ctx;
    private final Path configDir;
    private final Map<String, String> answers = new HashMap<>();
    private SiteStore sites;

    QueuePasswords(CommandContext ctx, Path configDir) {
        this.ctx = ctx;
        this.configDir = configDir;
    }

    /**
     * Finds or asks the password of every site that needs one (a user, no password).
     *
     * @param required whether a site without a password ends the command; else it is left out
     * @return the sites left without a password (empty when {@code required})
     */
    List<Site> askFor(Collection<Site> wanted, boolean required) throws CliException {
        List<Site> without = new java.util.ArrayList<>();
        for (Site site : wanted) {
            if (site.password() != null || site.user() == null || site.user().isEmpty()
                    || answers.containsKey(site.toString())) {
                continue;
            }
            String password = find(site);
            if (password == null) {
                if (required) {
                    throw CliException.usage("the saved queue keeps no passwords, and no saved site stores the one of "
                            + site + "; run this on a terminal to type it, or save the site with its password in the"
                            + " window's site manager");
                }
                without.add(site);
            }
            answers.put(site.toString(), password);
        }
        return without;
    }

    @Override
    public synchronized String apply(Site site) {
        return answers.get(site.toString());
    }

    private String find(Site site) throws CliException {
        Optional<SiteProfile> saved = sites().storingPasswordOf(site);
        if (saved.isPresent()) {
            unlock(saved.get());
            try {
                return sites.sessionSite(saved.get().name(), null).password();
            } catch (SiteStoreException e) {
                throw CliException.localFile("the password of the saved site \"" + saved.get().name()
                        + "\" cannot be read: " + e.getMessage(), e);
            }
        }
        char[] typed = ctx.prompt() == null ? null : ctx.prompt().secret("Password for " + site + ": ");
        if (typed == null) {
            return null;
        }
        String password = new String(typed);
        Arrays.fill(typed, '\0');
        return password;
    }

    private SiteStore sites() throws CliException {
        if (sites == null) {
            try {
                sites = new SiteStore(configDir);
            } catch (SiteStoreException e) {
                throw CliException.localFile(e.getMessage(), e);
            }
        }
        return sites;
    }

    private void unlock(SiteProfile profile) throws CliException {
        if (sites.isUnlocked()) {
            return;
        }
        String file = ctx.options().masterPasswordFile();
        char[] master;
        if (file != null) {
            master = firstLine(ctx.local(file, "file"));
        } else if (ctx.prompt() != null) {
            master = ctx.prompt().secret("Master password of the saved sites (" + sites.file() + "): ");
        } else {
            throw CliException.usage("the saved site \"" + profile.name() + "\" stores the password of "
                    + profile.toSite(null) + " under the master password; give --master-password-file FILE, or run"
                    + " this on a terminal to type it");
        }
        if (master == null) {
            throw CliException.usage("no master password was given");
        }
        try {
            sites.unlock(master);
        } catch (WrongMasterPasswordException e) {
            throw CliException.usage("the master password of the saved sites is wrong"
                    + (file == null ? "" : " (read from " + file + ")"));
        } catch (SiteStoreException e) {
            throw CliException.localFile(e.getMessage(), e);
        } finally {
            Arrays.fill(master, '\0');
        }
    }

    /** The file's first line (without its line end), as the master password. */
    private static char[] firstLine(Path file) throws CliException {
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(file);
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes, 0, end));
            char[] line = new char[chars.remaining()];
            chars.get(line);
            Arrays.fill(chars.array(), '\0');
            return line;
        } catch (IOException e) {
            throw CliException.localFile("cannot read the master password file " + file + ": "
                    + TerminalText.describe(e), e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }
}
