package io.portside.ftp;

/**
 * Where to connect and as whom. {@link #toString()} never shows the password.
 *
 * @param user null or empty means anonymous
 */
public record Site(Protocol protocol, String host, int port, String user, String password) {

    public static Site ftp(String host, int port, String user, String password) {
        return new Site(Protocol.FTP, host, port, user, password);
    }

    public String loginUser() {
        return user == null || user.isEmpty() ? "anonymous" : user;
    }

    public String loginPassword() {
        return user == null || user.isEmpty() ? "portside@" : password == null ? "" : password;
    }

    /**
     * Which server account this is, whatever the password: scheme, user, host and port. Two sites
     * with the same key are the same login (the queue's connections, a restored job's password).
     */
    public String accountKey() {
        return toString();
    }

    @Override
    public String toString() {
        return protocol.scheme() + "://" + (user == null || user.isEmpty() ? "" : user + "@") + host + ":" + port;
    }
}
