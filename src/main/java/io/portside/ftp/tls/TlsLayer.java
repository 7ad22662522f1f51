package io.portside.ftp.tls;

import io.portside.ftp.UserMessage;
import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * TLS for one session's control connection and its data connections.
 *
 * <p>Session reuse: servers such as vsftpd ({@code require_ssl_reuse=YES}), proftpd and
 * FileZilla Server only accept a data connection that resumes the control connection's TLS
 * session, to prove the data connection comes from the same client. JSSE looks up a session to
 * resume under the host and the port of the underlying socket, which for a data connection is
 * the data port, so {@link SessionCacheBridge} puts the control session into JSSE's cache under
 * that key (reflection; needs the {@code --add-opens} of the jar manifest and the launcher).
 * That makes TLS 1.2 data connections resume. Under TLS 1.3 JSSE resumes with a ticket it
 * offers once, and vsftpd refuses the result (measured with vsftpd 3.0.3 and OpenSSL 3), so a
 * data connection that could not resume 1.3 makes the session fall back to 1.2
 * ({@code TlsFallback}) and the server is remembered ({@link Tls12Servers}).
 */
public final class TlsLayer {
    static {
        // TLS 1.2 session tickets (RFC 5077) would replace the session id that resumption across
        // connections relies on, and JSSE discards the long-lived tickets FTP servers send.
        // Read once when JSSE starts, so set before any TLS is used.
        if (System.getProperty("jdk.tls.client.enableSessionTicketExtension") == null) {
            System.setProperty("jdk.tls.client.enableSessionTicketExtension", "false");
        }
    }

    private final SSLContext context;
    private final DecidingTrustManager trust;
    private final String host;
    private final int port;
    private final ProtocolEventBus bus;
    private final String[] protocols;
    private volatile SSLSession controlSession;
    private volatile boolean lastDataNotResumedTls13;

    /**
     * @param protocols the TLS versions to offer, e.g. {"TLSv1.3", "TLSv1.2"}
     */
    public TlsLayer(TlsPolicy policy, String host, int port, ProtocolEventBus bus, String[] protocols)
            throws IOException {
        this.host = host;
        this.port = port;
        this.bus = bus;
        this.protocols = protocols.clone();
        try {
            this.trust = new DecidingTrustManager(policy, host, port);
            this.context = SSLContext.getInstance("TLS");
            context.init(null, DecidingTrustManager.of(trust), null);
        } catch (Exception e) {
            throw new IOException("TLS is not available in this Java runtime: " + e.getMessage(), e);
        }
    }

    /** Starts TLS on the control connection (after AUTH TLS, or at once for implicit FTPS). */
    public SSLSocket secureControl(Socket plain, ConnectionId id) throws IOException {
        SSLSocket s = handshake(plain, id);
        controlSession = s.getSession();
        return s;
    }

    /** Starts TLS on a data connection, resuming the control connection's session. */
    public SSLSocket secureData(Socket plain, ConnectionId id) throws IOException {
        UserMessage why = SessionCacheBridge.share(controlSession, host, plain.getPort());
        if (why != null) {
            bus.publish(new ProtocolEvent.Notice(Instant.now(), id, ProtocolEvent.Notice.Severity.WARNING,
                    "tls.noshare", java.util.List.of(why)));
        }
        return handshake(plain, id);
    }

    private SSLSocket handshake(Socket plain, ConnectionId id) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        s.setUseClientMode(true);
        s.setEnabledProtocols(protocols);
        SSLParameters params = s.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS"); // the system check includes the host name
        s.setSSLParameters(params);
        long start = System.nanoTime();
        try {
            s.startHandshake();
        } catch (IOException e) {
            bus.publish(new ProtocolEvent.TlsFailed(Instant.now(), id, TlsFailures.explain(e),
                    Duration.ofNanos(System.nanoTime() - start)));
            throw e;
        }
        SSLSession session = s.getSession();
        boolean resumed = controlSession != null && resumedFrom(session, controlSession);
        if (controlSession != null) {
            lastDataNotResumedTls13 = !resumed && session.getProtocol().equals("TLSv1.3");
        }
        CertificateInfo cert = trust.lastCertificate();
        bus.publish(new ProtocolEvent.TlsEstablished(Instant.now(), id, session.getProtocol(), session.getCipherSuite(),
                controlSession == null ? null : resumed, cert == null ? null : cert.subject(),
                cert == null ? null : cert.sha256(), resumed ? UserMessage.of("trust.resumed") : trust.lastVerdict(),
                Duration.ofNanos(System.nanoTime() - start)));
        return s;
    }

    /** The TLS version the control connection negotiated ({@code TLSv1.3}), or null before its handshake. */
    public String controlProtocol() {
        SSLSession s = controlSession;
        return s == null ? null : s.getProtocol();
    }

    /** True when the latest data connection ran TLS 1.3 without resuming the control session. */
    public boolean lastDataFailedToResumeTls13() {
        return lastDataNotResumedTls13;
    }

    /**
     * A TLS 1.2 resumption keeps the session id; JSSE gives a TLS 1.3 resumption (PSK) a new
     * session object but keeps the original's creation time and certificates.
     */
    private static boolean resumedFrom(SSLSession data, SSLSession control) {
        if (data.getId().length > 0 && Arrays.equals(data.getId(), control.getId())) {
            return true;
        }
        return data.getProtocol().equals("TLSv1.3") && data.getCreationTime() == control.getCreationTime();
    }
}
