package io.portside.ftp.tls;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a session decides about server certificates.
 *
 * @param pinned fingerprints trusted outright (the CLI's --trust-fingerprint), any format
 * @param store  fingerprints the user chose to trust always
 * @param prompt asks the user, or null to refuse untrusted certificates (the CLI)
 */
public record TlsPolicy(Set<String> pinned, FingerprintStore store, TrustPrompt prompt) {

    public TlsPolicy {
        pinned = pinned.stream().map(CertificateInfo::normalizeFingerprint).collect(Collectors.toUnmodifiableSet());
    }

    /** Only what the system's trust store accepts. */
    public static TlsPolicy systemOnly() {
        return new TlsPolicy(Set.of(), FingerprintStore.NONE, null);
    }
}
