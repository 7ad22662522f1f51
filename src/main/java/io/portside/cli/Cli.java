package io.portside.cli;

import io.portside.ftp.FtpException;
import io.portside.ftp.event.ProtocolEventBus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The batch command line: {@code portside [options] ls|get|put|mirror|compare|diagnose|queue ...}. Prints results on
 * stdout; on failure one line {@code portside: <what went wrong>} on stderr and a non-zero
 * {@link ExitCode}.
 */
public final class Cli {
    /** The command table: one line per command. */
    private static final Map<String, Command> COMMANDS = table(
            new LsCommand(),
            new GetCommand(),
            new PutCommand(),
            new MirrorCommand(),
            new CompareCommand(),
            new DiagnoseCommand(),
            new QueueCommand(),
            new ProbeServerCommand());

    private final Locale locale;
    private final ZoneId zone;
    private final boolean terminal;
    private final Path cwd;
    private final Prompt prompt;

    /**
     * @param locale   the language of the log
     * @param zone     the time zone of listed dates
     * @param terminal whether stderr is a terminal (mirror draws a progress line there)
     * @param cwd      the folder relative local names start from (the process's own for a real run)
     */
    Cli(Locale locale, ZoneId zone, boolean terminal, Path cwd) {
        this(locale, zone, terminal, cwd, null);
    }

    /** @param prompt asks the person at the terminal for a password; null when there is none */
    Cli(Locale locale, ZoneId zone, boolean terminal, Path cwd, Prompt prompt) {
        this.prompt = prompt;
        this.locale = locale;
        this.zone = zone;
        this.terminal = terminal;
        this.cwd = cwd.toAbsolutePath().normalize();
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new Cli(Locale.getDefault(), ZoneId.systemDefault(), System.console() != null, Path.of(""),
                Prompt.console()).execute(args, out, err);
    }

    int execute(String[] args, PrintStream out, PrintStream err) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (CliException e) {
            return report(err, e, e.exitCode(), false);
        }
        if (options.command() == null) {
            if (options.help()) {
                out.print(generalHelp());
                return ExitCode.OK;
            }
            return report(err, CliException.usage("no command given (try: portside --help)"), ExitCode.USAGE, false);
        }
        Command command = COMMANDS.get(options.command());
        if (command == null) {
            return report(err, CliException.usage("unknown command '" + options.command() + "' (commands: "
                    + String.join(", ", COMMANDS.keySet()) + ")"), ExitCode.USAGE, options.debug());
        }
        if (options.help()) {
            out.print(commandHelp(command));
            return ExitCode.OK;
        }
        return runLogged(command, options, out, err);
    }

    private int runLogged(Command command, CliOptions options, PrintStream out, PrintStream err) {
        ProtocolEventBus bus = new ProtocolEventBus();
        LogSink log = null;
        Exception failure = null;
        int code = ExitCode.OK;
        CommandContext ctx = null;
        try {
            ctx = new CommandContext(command, options, out, err, terminal, bus, zone, cwd, prompt);
            log = options.log() == null ? null : LogSink.open(options.log(), ctx, locale);
            code = command.run(ctx);
        } catch (FtpException | CliException | RuntimeException e) {
            failure = e;
        } finally {
            out.flush();
            if (ctx != null) {
                ctx.closeCaptures();
            }
        }
        // The log's last lines first, so the error line is the last thing on stderr.
        try {
            if (log != null) {
                log.close();
            }
        } catch (CliException e) {
            failure = failure == null ? e : failure;
        }
        if (failure instanceof FtpException) {
            return report(err, failure, ExitCode.REMOTE_FAILURE, options.debug());
        } else if (failure instanceof CliException c) {
            return report(err, c, c.exitCode(), options.debug());
        } else if (failure != null) {
            err.println("portside: internal error: " + failure + (options.debug() ? "" : " (run with --debug for details)"));
            if (options.debug()) {
                failure.printStackTrace(err);
            }
            return ExitCode.INTERNAL_ERROR;
        }
        return code;
    }

    private static int report(PrintStream err, Exception e, int code, boolean debug) {
        err.println("portside: " + TerminalText.printable(e.getMessage()));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static String usageLine(Command c) {
        return "portside [options] " + c.name() + " " + c.operands();
    }

    private static String commandHelp(Command c) {
        return "Usage: " + usageLine(c) + "\n\n" + c.description().strip() + "\n\n" + CliOptions.OPTIONS_HELP
                + "\n" + URL_HELP + EXIT_HELP;
    }

    private static String generalHelp() {
        StringBuilder b = new StringBuilder("Usage: portside [options] COMMAND ...   (no arguments: the window)\n\n");
        for (Command c : COMMANDS.values()) {
            b.append("  ").append(usageLine(c)).append('\n');
        }
        return b.append('\n').append(CliOptions.OPTIONS_HELP).append('\n').append(URL_HELP).append(EXIT_HELP)
                .toString();
    }

    private static final String URL_HELP = """
            URL: ftp://[user[:password]@]host[:port]/path, percent-encoded (%40 for @ in a password).
              No user: anonymous. The path is relative to the login folder; start it with %2F for an
              absolute one: ftp://host/%2Fpub/file.txt is /pub/file.txt. IPv6: ftp://[::1]:2121/x
            """;

    private static final String EXIT_HELP = """
            Exit codes: 0 success, 1 the server or the network failed, 2 wrong command line,
              3 a local file could not be read or written, 4 internal error (please report it).
            """;

    private static Map<String, Command> table(Command... commands) {
        Map<String, Command> table = new LinkedHashMap<>();
        for (Command c : commands) {
            table.put(c.name(), c);
        }
        return table;
    }
}
