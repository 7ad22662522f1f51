package io.portside.ftp.tls;

import io.portside.ftp.UserMessage;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server certificate when the system does (including the host name), or when its
 * fingerprint is pinned or remembered for this host:port, or when the user says so. A
 * remembered host whose certificate changed is never accepted silently: the user is asked
 * with the old fingerprint shown, or the connection is refused.
 */
final class DecidingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager system;
    private final TlsPolicy policy;
    private final String host;
    private final String hostPort;
    private final Set<String> acceptedThisSession = new HashSet<>();
    private volatile CertificateInfo lastCertificate;
    private volatile UserMessage lastVerdict;

    DecidingTrustManager(TlsPolicy policy, String host, int port) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        this.system = Arrays.stream(tmf.getTrustManagers()).filter(t -> t instanceof X509ExtendedTrustManager)
                .map(t -> (X509ExtendedTrustManager) t).findFirst().orElseThrow();
        this.policy = policy;
        this.host = host;
        this.hostPort = host + ":" + port;
    }

    CertificateInfo lastCertificate() {
        return lastCertificate;
    }

    /** How the last certificate came to be trusted, in words. */
    UserMessage lastVerdict() {
        return lastVerdict;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        decide(chain, () -> system.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        decide(chain, () -> system.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        decide(chain, () -> system.checkServerTrusted(chain, authType));
    }

    private interface SystemCheck {
        void run() throws CertificateException;
    }

    private synchronized void decide(X509Certificate[] chain, SystemCheck systemCheck) throws CertificateException {
        String fp = CertificateInfo.fingerprint(chain[0]);
        String problem = null;
        try {
            systemCheck.run();
        } catch (CertificateException e) {
            problem = e.getMessage();
        }
        CertificateInfo info = CertificateInfo.of(chain[0], host, problem);
        lastCertificate = info;
        String remembered = policy.store().get(hostPort);
        if (acceptedThisSession.contains(fp)) {
            lastVerdict = UserMessage.of("trust.earlier");
            return;
        }
        if (policy.pinned().contains(fp)) {
            accept(fp, UserMessage.of("trust.pinned"));
            return;
        }
        if (fp.equals(remembered)) {
            accept(fp, UserMessage.of("trust.remembered", hostPort));
            return;
        }
        boolean changed = remembered != null;
        if (problem == null && !changed) {
            accept(fp, UserMessage.of("trust.system"));
            return;
        }
        if (policy.prompt() == null) {
            throw new UntrustedCertificateException(refusal(info, changed, remembered), info);
        }
        TrustDecision d = policy.prompt().ask(hostPort, info, changed ? remembered : null);
        switch (d) {
            case ALWAYS -> {
                policy.store().put(hostPort, fp);
                accept(fp, UserMessage.of(changed ? "trust.alwaysReplacing" : "trust.always"));
            }
            case ONCE -> accept(fp, UserMessage.of("trust.once"));
            default -> throw new UntrustedCertificateException(UserMessage.of("trust.declined", hostPort), info);
        }
    }

    private void accept(String fp, UserMessage verdict) {
        acceptedThisSession.add(fp);
        lastVerdict = verdict;
    }

    private UserMessage refusal(CertificateInfo info, boolean changed, String remembered) {
        return changed ? UserMessage.of("trust.changed", hostPort, remembered, info.sha256())
                : UserMessage.of("trust.refused", hostPort, info.problem(), info.subject(), info.sha256());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("Portside is never a TLS server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("Portside is never a TLS server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Portside is never a TLS server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return system.getAcceptedIssuers();
    }

    static TrustManager[] of(DecidingTrustManager tm) {
        return new TrustManager[] {tm};
    }
}
