package io.portside.cli;

import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEventBus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the explained protocol log ({@code --log FILE} or {@code --log -} for stderr): every
 * event of the bus as one {@link LogFormatter} line. {@link #close()} waits until every line
 * is written, so nothing is lost when the program exits right after.
 */
final class LogSink implements AutoCloseable {
    private final PrintStream target;
    private final boolean ownsTarget;
    private final String name;
    private final ProtocolEventBus.Subscription subscription;

    private LogSink(PrintStream target, boolean ownsTarget, String name, ProtocolEventBus bus, Locale locale) {
        this.target = target;
        this.ownsTarget = ownsTarget;
        this.name = name;
        LogFormatter formatter = new LogFormatter(locale);
        // Only the subscription's thread writes, so lines never interleave.
        this.subscription = bus.subscribe(e -> target.println(formatter.format(e).render()));
    }

    /** Starts logging to {@code where}: a file name (relative to the working folder), or "-" for stderr. */
    static LogSink open(String where, CommandContext ctx, Locale locale) throws CliException {
        if (where.equals("-")) {
            return new LogSink(ctx.err(), false, "stderr", ctx.bus(), locale);
        }
        Path file = ctx.local(where, "log file");
        try {
            OutputStream stream = Files.newOutputStream(file);
            return new LogSink(new PrintStream(stream, false, StandardCharsets.UTF_8), true, where, ctx.bus(), locale);
        } catch (IOException e) {
            throw CliException.localFile("cannot write the log file " + where + ": " + TerminalText.describe(e), e);
        }
    }

    /** Writes what is still queued, then closes the file; fails when a line could not be written. */
    @Override
    public void close() throws CliException {
        subscription.close();
        target.flush();
        if (ownsTarget) {
            target.close();
        }
        if (target.checkError()) {
            throw CliException.localFile("the log could not be written completely to " + name
                    + " (disk full, or the file was removed?)", null);
        }
    }
}
