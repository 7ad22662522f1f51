package io.portside.server;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * A real FTP server (Apache FtpServer) inside the JVM, on 127.0.0.1 and a free port, serving
 * one folder to one user. The app's "built-in test server" and the tests both use it.
 */
public final class SandboxServer implements AutoCloseable {
    private final FtpServer server;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final Path root;

    private SandboxServer(FtpServer server, String host, int port, String user, String password, Path root) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.root = root;
    }

    /** Starts a server for {@code root} with user "portside" and a fresh random password. */
    public static SandboxServer start(Path root) throws IOException {
        byte[] secret = new byte[9];
        new SecureRandom().nextBytes(secret);
        return start(root, "portside", HexFormat.of().formatHex(secret));
    }

    public static SandboxServer start(Path root, String user, String password) throws IOException {
        return start(root, user, password, NetworkQuirks.NONE);
    }

    /**
     * Addresses the server gets wrong on purpose, to reproduce misconfigured servers on loopback.
     *
     * @param passiveAnnounced the address its 227 replies name instead of its own (a server
     *                         behind NAT announcing another address), or null
     * @param activeFrom       the local address it connects from in active mode, or null
     */
    public record NetworkQuirks(String passiveAnnounced, String activeFrom, String listenAddress) {
        public static final NetworkQuirks NONE = new NetworkQuirks(null, null, null);

        public NetworkQuirks(String passiveAnnounced, String activeFrom) {
            this(passiveAnnounced, activeFrom, null);
        }

        /** A server on IPv6 loopback. */
        public static NetworkQuirks ipv6() {
            return new NetworkQuirks(null, null, "::1");
        }

        String address() {
            return listenAddress == null ? "127.0.0.1" : listenAddress;
        }
    }

    public static SandboxServer start(Path root, String user, String password, NetworkQuirks quirks)
            throws IOException {
        return start(root, user, password, quirks, null);
    }

    /**
     * FTPS: the server's key and certificate in a PKCS#12 keystore.
     *
     * @param implicit TLS from the first byte (ftps://) rather than after AUTH TLS (ftpes://)
     */
    public record Tls(Path keystore, String keystorePassword, boolean implicit) {
    }

    public static SandboxServer start(Path root, String user, String password, NetworkQuirks quirks, Tls tls)
            throws IOException {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress(quirks.address());
        listener.setPort(0);
        listener.setIdleTimeout(120);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress(quirks.address());
        data.setPassiveExternalAddress(quirks.passiveAnnounced() == null ? quirks.address() : quirks.passiveAnnounced());
        if (quirks.activeFrom() != null) {
            data.setActiveLocalAddress(quirks.activeFrom());
        }
        data.setPassivePorts("0");
        data.setActiveEnabled(true);
        data.setActiveIpCheck(true);
        if (tls != null) {
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(tls.keystore().toFile());
            ssl.setKeystorePassword(tls.keystorePassword());
            ssl.setKeystoreType("PKCS12");
            SslConfiguration config = ssl.createSslConfiguration();
            listener.setSslConfiguration(config);
            listener.setImplicitSsl(tls.implicit());
            data.setSslConfiguration(config);
            data.setImplicitSsl(tls.implicit());
        }
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        factory.addListener("default", listener.createListener());

        BaseUser account = new BaseUser();
        account.setName(user);
        account.setPassword(password);
        account.setHomeDirectory(root.toAbsolutePath().toString());
        account.setMaxIdleTime(300);
        List<Authority> rights = List.of(new WritePermission(), new ConcurrentLoginPermission(0, 0));
        account.setAuthorities(rights);
        try {
            factory.getUserManager().save(account);
            FtpServer server = factory.createServer();
            server.start();
            int port = ((org.apache.ftpserver.impl.DefaultFtpServer) server).getListener("default").getPort();
            return new SandboxServer(server, quirks.address(), port, user, password, root);
        } catch (FtpException e) {
            throw new IOException("could not start the built-in FTP server: " + e.getMessage(), e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Path root() {
        return root;
    }

    @Override
    public void close() {
        server.stop();
    }
}
