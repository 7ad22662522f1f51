package io.portside.ftp.tls;

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
    private volatile String lastVerdict;

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
    String lastVerdict() {
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
            lastVerdict = "trusted earlier in this session";
            return;
        }
        if (policy.pinned().contains(fp)) {
            accept(fp, "trusted by its fingerprint (given on the command line)");
            return;
        }
        if (fp.equals(remembered)) {
            accept(fp, "trusted: the user chose to trust this certificate for " + hostPort);
            return;
        }
        boolean changed = remembered != null;
        if (problem == null && !changed) {
            accept(fp, "trusted by the system's certificate authorities");
            return;
        }
        if (policy.prompt() == null) {
            throw new UntrustedCertificateException(refusal(info, changed, remembered), info);
        }
        TrustDecision d = policy.prompt().ask(hostPort, info, changed ? remembered : null);
        switch (d) {
            case ALWAYS -> {
                policy.store().put(hostPort, fp);
                accept(fp, "trusted always by the user's choice" + (changed ? " (replacing the old certificate)" : ""));
            }
            case ONCE -> accept(fp, "trusted once by the user's choice");
            default -> throw new UntrustedCertificateException("the user did not trust the certificate of " + hostPort, info);
        }
    }

    private void accept(String fp, String verdict) {
        acceptedThisSession.add(fp);
        lastVerdict = verdict;
    }

    private String refusal(CertificateInfo info, boolean changed, String remembered) {
        if (changed) {
            return "WARNING: the certificate of " + hostPort + " CHANGED since you trusted it (was " + remembered
                    + ", now " + info.sha256() + "). This may be an attack; if the server's administrator confirms"
                    + " the new certificate, trust it with --trust-fingerprint " + info.sha256();
        }
        return "the certificate of " + hostPort + " is not trusted (" + info.problem() + "; subject " + info.subject()
                + "). If you know it is the server's, trust it with --trust-fingerprint " + info.sha256();
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
