package io.portside.transfer;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.Site;
import io.portside.ftp.UserMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Opens sessions for jobs whose site has no password: those restored from {@link QueueStore},
 * which never writes one. The password is looked up once per site (the vault, or a question to
 * the user) and kept in memory for the site's other jobs; a login it fails is forgotten, so the
 * next job asks again. Sites with a password, and anonymous ones, pass straight through.
 */
public final class MissingPasswords implements SessionFactory {
    /** How long "no password" (the user cancelled) stands, so jobs that start together ask once but a later retry asks again. */
    private static final long REFUSAL_NANOS = 30_000_000_000L;

    private record Answer(String password, long at) {
    }

    private final SessionFactory inner;
    private final Function<Site, String> source;
    private final Map<String, Answer> answers = new HashMap<>();

    /**
     * @param source the password of a site given without one, or null for none; called on a
     *               worker thread, one call at a time, and may block (a dialog, a prompt)
     */
    public MissingPasswords(SessionFactory inner, Function<Site, String> source) {
        this.inner = inner;
        this.source = source;
    }

    @Override
    public FtpSession open(Site site, String owner) throws FtpException {
        if (site.password() != null || site.user() == null || site.user().isEmpty()) {
            return inner.open(site, owner);
        }
        String password = password(site);
        if (password == null) {
            throw new FtpException(UserMessage.of("job.noPassword", site));
        }
        try {
            return inner.open(new Site(site.protocol(), site.host(), site.port(), site.user(), password), owner);
        } catch (FtpException e) {
            if (!e.isTransient()) {
                forget(site, password); // refused: ask again for the next job
            }
            throw e;
        }
    }

    private synchronized String password(Site site) {
        String key = site.accountKey();
        Answer a = answers.get(key);
        if (a == null || a.password == null && System.nanoTime() - a.at > REFUSAL_NANOS) {
            a = new Answer(source.apply(site), System.nanoTime());
            answers.put(key, a);
        }
        return a.password;
    }

    private synchronized void forget(Site site, String password) {
        Answer a = answers.get(site.accountKey());
        if (a != null && password.equals(a.password)) {
            answers.remove(site.accountKey());
        }
    }
}
