package io.portside.ftp.tls;

/**
 * Asks the user about a certificate (the UI shows a dialog; the CLI has none and refuses).
 * Called on the connecting thread, which waits for the answer.
 */
@FunctionalInterface
public interface TrustPrompt {
    /**
     * @param previousFingerprint the fingerprint trusted before for this host:port when the
     *                            certificate CHANGED since (a loud warning), else null
     */
    TrustDecision ask(String hostPort, CertificateInfo certificate, String previousFingerprint);
}
