package io.portside.ftp;

import io.portside.ftp.event.FailureCause;
import java.io.IOException;
import java.util.Locale;

/**
 * A failure of the connection layer, as a sentence for the user: {@link #words()} renders it in
 * the reader's language (the window's), {@link #getMessage()} in English (the CLI and the
 * logs print it as is); {@link #failure()} classifies network failures.
 */
public class FtpException extends IOException implements Worded {
    private final FailureCause failure;
    private final UserMessage words;

    public FtpException(UserMessage words) {
        this(words, null, null);
    }

    public FtpException(UserMessage words, FailureCause failure, Throwable cause) {
        super(words.render(Locale.ROOT), cause);
        this.words = words;
        this.failure = failure;
    }

    /** For a text that is already words of its own (another failure's message): shown as it is in every language. */
    public FtpException(String message) {
        this(UserMessage.verbatim(message));
    }

    /** The sentence, to render in the reader's language. */
    @Override
    public UserMessage words() {
        return words;
    }

    /** The network failure behind this error, or null when the server answered with a refusal. */
    public FailureCause failure() {
        return failure;
    }

    /**
     * True when trying again later may succeed (a dropped connection, a timeout, a busy server),
     * false for refusals that will not change (wrong password, no such file).
     */
    public boolean isTransient() {
        return failure != null && failure != FailureCause.UNKNOWN_HOST;
    }
}
