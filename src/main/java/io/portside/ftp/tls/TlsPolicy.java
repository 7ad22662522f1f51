package io.portside.ftp.tls;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * How sessions decide about server certificates, and what they learnt about servers' TLS.
 *
 * @param pinned       fingerprints trusted outright (the CLI's --trust-fingerprint), any format
 * @param store        fingerprints the user chose to trust always
 * @param prompt       asks the user, or null to refuse untrusted certificates (the CLI)
 * @param tls12Servers servers that need TLS 1.2 for session reuse, shared by the sessions
 */
public record TlsPolicy(Set<String> pinned, FingerprintStore store, TrustPrompt prompt, Tls12Servers tls12Servers) {

    public TlsPolicy {
        pinned = pinned.stream().map(CertificateInfo::normalizeFingerprint).collect(Collectors.toUnmodifiableSet());
    }

    public TlsPolicy(Set<String> pinned, FingerprintStore store, TrustPrompt prompt) {
        this(pinned, store, prompt, new Tls12Servers());
    }

    /** Only what the system's trust store accepts. */
    public static TlsPolicy systemOnly() {
        return new TlsPolicy(Set.of(), FingerprintStore.NONE, null);
    }
}
