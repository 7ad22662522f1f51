package io.portside.sites;

/** What happens to a site's password: the user chooses per site. */
public enum PasswordMode {
    /** Saved, encrypted under the master password (AES-256-GCM, key from PBKDF2). */
    STORED_ENCRYPTED,
    /** Never written anywhere; asked for each time a session opens. */
    NOT_STORED
}
