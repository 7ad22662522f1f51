package io.portside.sites;

import io.portside.ftp.UserMessage;
import io.portside.ftp.Worded;

/** A site that cannot be (no host, a port out of range...); {@link #words()} says why. */
public final class InvalidSiteException extends IllegalArgumentException implements Worded {
    private final transient UserMessage words;

    InvalidSiteException(String key, Object... args) {
        this(UserMessage.of(key, args));
    }

    private InvalidSiteException(UserMessage words) {
        super(words.toString());
        this.words = words;
    }

    @Override
    public UserMessage words() {
        return words;
    }
}
