package io.portside.ftp;

import java.util.List;

/** The server refused a command; the reply's code and lines are kept for the user to read. */
public class FtpReplyException extends FtpException {
    private final int code;
    private final List<String> reply;

    public FtpReplyException(UserMessage words, int code, List<String> reply) {
        super(words);
        this.code = code;
        this.reply = List.copyOf(reply);
    }

    public int code() {
        return code;
    }

    public List<String> reply() {
        return reply;
    }

    /**
     * 421 (service closing), 425/426 (data connection trouble), 450/451/452 (busy, local error,
     * no space right now) may pass; 5xx refusals (530 not logged in, 550 no such file,
     * 553 name not allowed) will not.
     */
    @Override
    public boolean isTransient() {
        return code == 421 || code == 425 || code == 426 || code == 450 || code == 451 || code == 452;
    }
}
