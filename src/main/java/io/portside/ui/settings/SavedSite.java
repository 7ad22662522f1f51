package io.portside.ui.settings;

/**
 * A site in the site manager (and, without password, a recent connection).
 *
 * @param mode     "PASSIVE" or "ACTIVE"
 * @param charset  file-name charset when the server does not offer UTF-8
 */
public record SavedSite(String name, String host, int port, String protocol, String user, String password,
                        String mode, boolean extended, String remoteFolder, String localFolder, String charset) {

    public SavedSite withoutPassword() {
        return new SavedSite(name, host, port, protocol, user, null, mode, extended, remoteFolder, localFolder, charset);
    }

    /** How the history drop-down shows it: ftp://user@host:port. */
    public String label() {
        return (protocol == null ? "ftp" : protocol.toLowerCase()) + "://"
                + (user == null || user.isEmpty() ? "" : user + "@") + host + ":" + port;
    }
}
