package io.portside.ui.queue;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.Site;
import io.portside.transfer.SessionFactory;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The transfer queue's sessions as the window opens them: {@code opener} uses the connection
 * bar's options of the moment, and every session is remembered so that a Passive/Active switch
 * in the bar reaches the sessions already open, and closing the window closes them.
 */
public final class WorkerSessions implements SessionFactory, AutoCloseable {
    private final SessionFactory opener;
    /** Weak: a session its worker has closed and dropped is not kept alive here. */
    private final Set<FtpSession> sessions = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    public WorkerSessions(SessionFactory opener) {
        this.opener = opener;
    }

    @Override
    public FtpSession open(Site site, String owner) throws FtpException {
        FtpSession session = opener.open(site, owner);
        sessions.add(session);
        return session;
    }

    /** Switches the open sessions (from their next data connection); closed ones are left alone, so the log stays quiet about them. */
    public void setMode(DataMode mode, ExtendedMode extended) {
        synchronized (sessions) {
            for (FtpSession s : sessions) {
                if (s.isConnected()) {
                    s.setMode(mode, extended);
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (sessions) {
            sessions.forEach(FtpSession::close);
        }
    }
}
