package io.portside.ftp.tls;

/** A user's answer about a certificate the system does not trust. */
public enum TrustDecision {
    /** For this session only. */
    ONCE,
    /** Remember the fingerprint for this host:port. */
    ALWAYS,
    REJECT
}
