package io.portside.cli;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpReplyException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.Site;
import io.portside.ftp.UserMessage;
import io.portside.ftp.capture.CaptureUnavailableException;
import io.portside.ftp.capture.PacketCaptures;
import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.tls.TlsPolicy;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** What a command gets to work with: its operands, the options, stdout, stderr and the event bus. */
public final class CommandContext {
    private final Command command;
    private final CliOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final ProtocolEventBus bus;
    private final ZoneId zone;
    /** One for the run: what a session learns about a server's TLS serves the sessions after it. */
    private final TlsPolicy tls;
    /** Started before the first session to a host, stopped when the run ends (see {@link #closeCaptures}). */
    private final PacketCaptures captures;
    /** The folder relative local names start from. */
    private final Path cwd;
    /** Null when no one can be asked. */
    private final Prompt prompt;

    /** @param terminal whether a person watches stderr (then a progress line is worth drawing) */
    CommandContext(Command command, CliOptions options, PrintStream out, PrintStream err, boolean terminal,
                   ProtocolEventBus bus, ZoneId zone, Path cwd, Prompt prompt) {
        this.cwd = cwd;
        this.prompt = prompt;
        this.command = command;
        this.options = options;
        this.tls = options.tlsPolicy();
        this.captures = new PacketCaptures(options.capture(),
                options.captureFile() == null ? null : cwd.resolve(options.captureFile()), bus);
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.bus = bus;
        this.zone = zone;
    }

    /** Stops packet capture, after the sessions closed (so their closing packets are in it). */
    void closeCaptures() {
        captures.close();
    }

    public CliOptions options() {
        return options;
    }

    /** Standard output: listings and results. The log and errors go elsewhere. */
    public PrintStream out() {
        return out;
    }

    /** Standard error: progress and the names of failed files (the one-line failure is Cli's). */
    public PrintStream err() {
        return err;
    }

    public boolean terminal() {
        return terminal;
    }

    /** Asks the person at the terminal; null when there is none. */
    Prompt prompt() {
        return prompt;
    }

    public TlsPolicy tlsPolicy() {
        return tls;
    }

    public ProtocolEventBus bus() {
        return bus;
    }

    /** The time zone dates are shown in. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * A local name as the user typed it, resolved against the working folder ("." is that folder
     * itself); a name this system cannot have is a usage error.
     */
    public Path local(String name, String what) throws CliException {
        try {
            return cwd.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw CliException.usage("'" + TerminalText.printable(name) + "' is not a valid local " + what + " name: "
                    + e.getReason());
        }
    }

    /** The operands, after checking there are between {@code min} and {@code max} of them. */
    public List<String> operands(int min, int max) throws CliException {
        List<String> ops = options.operands();
        if (ops.size() < min) {
            throw usage(command.name() + " needs " + command.operands());
        }
        if (ops.size() > max) {
            throw usage("too many operands for " + command.name() + ": " + ops.get(max));
        }
        return ops;
    }

    /** Parses an operand as an FTP URL; a bad one is a usage error. */
    public FtpUrl url(String text) throws CliException {
        try {
            return FtpUrl.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    /** A usage error that also shows the command's usage line. */
    public CliException usage(String message) {
        return CliException.usage(message + " (usage: " + Cli.usageLine(command) + ")");
    }

    /**
     * Connects and logs in as the URL says, then changes into the URL's folders one CWD at a
     * time (RFC 1738), so that {@code url.name()} can be used as is.
     */
    public FtpSession openAt(FtpUrl url) throws FtpException {
        return openAt(url, "", false);
    }

    /**
     * @param owner       shown in the log ("w1" for a queue worker), may be empty
     * @param makeFolders create a folder that CWD cannot enter (MKD, then CWD again), for uploads
     */
    public FtpSession openAt(FtpUrl url, String owner, boolean makeFolders) throws FtpException {
        FtpSession session = open(url.site(), owner);
        try {
            for (String folder : url.folders()) {
                try {
                    session.cwd(folder);
                } catch (FtpReplyException missing) {
                    if (!makeFolders) {
                        throw missing;
                    }
                    session.files().mkdir(folder);
                    session.cwd(folder);
                }
            }
            return session;
        } catch (FtpException e) {
            session.close();
            throw e;
        }
    }

    /** Connects and logs in with the options of the command line, in the login folder. */
    public FtpSession open(Site site, String owner) throws FtpException {
        return open(site, owner, tls);
    }

    /** @param tls which certificates to trust (the run's own, or with the window's trusted ones) */
    public FtpSession open(Site site, String owner, TlsPolicy tls) throws FtpException {
        try {
            captures.beforeConnect(site.host());
        } catch (CaptureUnavailableException e) {
            throw new FtpException(UserMessage.verbatim(String.format(java.util.Locale.ROOT,
                    "packet capture is on (--capture on), but %s", e.getMessage())), FailureCause.OTHER, e);
        }
        return FtpSession.open(site, options.sessionOptions(), bus, owner, tls);
    }
}
