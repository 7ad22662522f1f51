package io.portside.sites;

import io.portside.ftp.UserMessage;
/**
 * A stored password failed its integrity check (the GCM tag) although the master password is
 * right: the file was altered or damaged. Nothing is returned rather than garbage.
 */
public final class DamagedSecretException extends SiteStoreException {
    public DamagedSecretException(String siteName, Throwable cause) {
        super(UserMessage.of("sites.secretDamaged", siteName), cause);
    }
}
