package io.portside.ftp;

/** Whether to use the extended commands EPSV/EPRT (RFC 2428) instead of PASV/PORT. */
public enum ExtendedMode {
    /** When the control connection is IPv6 or the server's FEAT lists them; PASV/PORT on 500/501/502. */
    AUTO,
    /** Always; a refusal fails the transfer. */
    ALWAYS,
    /** Never (IPv4 only: an IPv6 connection cannot use PASV/PORT). */
    NEVER
}
