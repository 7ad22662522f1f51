package io.portside.sites;

import java.util.List;

/**
 * The JSON layout of {@code sites.json}. Secrets appear only as AES-GCM ciphertext; the salt
 * and iteration count are not secret and must be kept to derive the key again.
 *
 * @param master null until a master password is set
 */
record SitesFile(int version, Master master, List<Entry> sites) {
    static final int CURRENT_VERSION = 1;

    static SitesFile empty() {
        return new SitesFile(CURRENT_VERSION, null, List.of());
    }

    /** How to derive the key, and a known text sealed with it to tell a wrong master password. */
    record Master(String kdf, int iterations, String salt, SealedSecret verifier) {
    }

    /** @param password null unless the profile's mode is STORED_ENCRYPTED */
    record Entry(SiteProfile profile, SealedSecret password) {
    }
}
