package io.portside.ftp.tls;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Servers (host:port) whose data connections could not resume a TLS 1.3 session: later
 * sessions to them start with TLS 1.2 at once instead of failing a transfer first. One instance
 * is shared by every session of a window or of a command-line run (it lives in the
 * {@link TlsPolicy} they are given); it is not saved, so a fixed server gets TLS 1.3 again
 * after a restart.
 */
public final class Tls12Servers {
    private final Set<String> servers = ConcurrentHashMap.newKeySet();

    public boolean contains(String host, int port) {
        return servers.contains(key(host, port));
    }

    public void add(String host, int port) {
        servers.add(key(host, port));
    }

    private static String key(String host, int port) {
        return host.toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }
}
