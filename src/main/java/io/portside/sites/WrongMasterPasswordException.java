package io.portside.sites;

/** The master password given does not open the store (checked against the stored verifier). */
public final class WrongMasterPasswordException extends SiteStoreException {
    public WrongMasterPasswordException() {
        super("wrong master password");
    }
}
