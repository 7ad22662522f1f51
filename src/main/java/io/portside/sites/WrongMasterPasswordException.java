package io.portside.sites;

import io.portside.ftp.UserMessage;
/** The master password given does not open the store (checked against the stored verifier). */
public final class WrongMasterPasswordException extends SiteStoreException {
    public WrongMasterPasswordException() {
        super(UserMessage.of("sites.wrongMaster"));
    }
}
