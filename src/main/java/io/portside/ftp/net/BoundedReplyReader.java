package io.portside.ftp.net;

import io.portside.ftp.Worded;
import io.portside.ftp.UserMessage;
import java.io.IOException;
import java.io.Reader;
import java.util.function.Supplier;

/**
 * The control connection's reader with limits, so a hostile or broken server cannot make the
 * client buffer without end: a reply line longer than {@code maxLine} characters, or a
 * (multi-line) reply longer than {@code maxReply}, ends the connection with a clear error.
 * Commons Net's own line reader has no such limit.
 */
public final class BoundedReplyReader extends Reader {
    private final Supplier<Reader> source;
    private final int maxLine;
    private final int maxReply;
    private Reader in;
    private int lineLength;
    private int replyLength;

    /** @param source opened lazily, at the first read (the socket's stream exists only then) */
    public BoundedReplyReader(Supplier<Reader> source, int maxLine, int maxReply) {
        this.source = source;
        this.maxLine = maxLine;
        this.maxReply = maxReply;
    }

    /** Called before each reply is read: the reply limit counts from here. */
    public void newReply() {
        replyLength = 0;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (in == null) {
            in = source.get();
        }
        // Read in small steps so a limit is noticed close to where it is crossed.
        int n = in.read(buf, off, Math.min(len, 4096));
        for (int i = off; i < off + Math.max(n, 0); i++) {
            lineLength = buf[i] == '\n' ? 0 : lineLength + 1;
            if (lineLength > maxLine) {
                throw new ReplyTooLongException(UserMessage.of("reply.lineTooLong", maxLine / 1024));
            }
        }
        replyLength += Math.max(n, 0);
        if (replyLength > maxReply) {
            throw new ReplyTooLongException(UserMessage.of("reply.tooLong", maxReply / 1024));
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }

    /** An over-long reply: a protocol violation, not a network failure. */
    public static final class ReplyTooLongException extends IOException implements Worded {
        private final transient UserMessage words;

        public ReplyTooLongException(UserMessage words) {
            super(words.toString());
            this.words = words;
        }

        @Override
        public UserMessage words() {
            return words;
        }
    }
}
