package io.portside.sites;

import io.portside.ftp.UserMessage;
import io.portside.ftp.Worded;
import java.io.IOException;

/** The site store could not do what was asked; {@link #words()} is the sentence for the user. */
public class SiteStoreException extends IOException implements Worded {
    private final transient UserMessage words;

    public SiteStoreException(UserMessage words) {
        this(words, null);
    }

    public SiteStoreException(UserMessage words, Throwable cause) {
        super(words.toString(), cause);
        this.words = words;
    }

    @Override
    public UserMessage words() {
        return words;
    }
}
