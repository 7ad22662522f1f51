package io.portside.ftp;

/** Plain FTP, FTP that takes TLS when the server offers it, or one of the two FTPS variants. */
public enum Protocol {
    FTP("ftp", 21),
    /**
     * FileZilla's default, "explicit FTP over TLS if available" (curl's {@code --ssl}): AUTH TLS
     * first; a server that refuses it gets plain FTP, with a warning in the log. Its URL is ftp://.
     */
    FTP_TLS_IF_AVAILABLE("ftp", 21),
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

    /** True when the session asks for TLS (AUTH TLS or implicit), whether or not it insists. */
    public boolean triesTls() {
        return this != FTP;
    }

    /** The scheme's protocol; ftp:// is plain FTP. */
    public static Protocol ofScheme(String scheme) {
        for (Protocol p : values()) {
            if (p.scheme.equalsIgnoreCase(scheme)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown scheme '" + scheme + "' (use ftp, ftpes or ftps)");
    }
}
