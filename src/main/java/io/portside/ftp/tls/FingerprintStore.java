package io.portside.ftp.tls;

/** Remembers which certificate (by SHA-256 fingerprint) the user trusts for each host:port. */
public interface FingerprintStore {
    FingerprintStore NONE = new FingerprintStore() {
        @Override
        public String get(String hostPort) {
            return null;
        }

        @Override
        public void put(String hostPort, String fingerprint) {
            // remembers nothing
        }
    };

    /** The trusted fingerprint for host:port, or null. */
    String get(String hostPort);

    void put(String hostPort, String fingerprint);
}
