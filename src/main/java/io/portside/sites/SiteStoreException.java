package io.portside.sites;

import java.io.IOException;

/** The site store could not do what was asked; the message is a sentence for the user. */
public class SiteStoreException extends IOException {
    public SiteStoreException(String message) {
        super(message);
    }

    public SiteStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
