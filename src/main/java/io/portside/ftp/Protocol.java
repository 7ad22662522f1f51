package io.portside.ftp;

/** Plain FTP or one of the two FTPS variants. */
public enum Protocol {
    FTP("ftp", 21),
    /** Explicit FTPS: AUTH TLS on the normal port. */
    FTPES("ftpes", 21),
    /** Implicit FTPS: TLS from the first byte. */
    FTPS("ftps", 990);

    private final String scheme;
    private final int defaultPort;

    Protocol(String scheme, int defaultPort) {
        this.scheme = scheme;
        this.defaultPort = defaultPort;
    }

    public String scheme() {
        return scheme;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public static Protocol ofScheme(String scheme) {
        for (Protocol p : values()) {
            if (p.scheme.equalsIgnoreCase(scheme)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown scheme '" + scheme + "' (use ftp, ftpes or ftps)");
    }
}
