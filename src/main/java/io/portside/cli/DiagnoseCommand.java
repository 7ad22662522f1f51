package io.portside.cli;

import io.portside.diagnose.ConnectionDoctor;
import io.portside.diagnose.DiagnosisReport;
import io.portside.ftp.Protocol;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEventBus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code portside diagnose URL [--redact] [--timeout S] [--log FILE|-]}: runs the
 * {@link ConnectionDoctor} and prints its report. Exit 0 when at least one data-connection
 * method works, 1 when none does or the login failed, 2 for a wrong command line.
 *
 * <p>Until the command table of {@code Cli} is on this branch, {@link #main} parses its own
 * arguments; {@link #diagnose} is the part that the table's {@code run(CommandContext)} calls.
 */
public final class DiagnoseCommand {
    static final int OK = 0;
    static final int REMOTE_FAILURE = 1;
    static final int USAGE = 2;

    public String name() {
        return "diagnose";
    }

    public String operands() {
        return "URL [--redact]";
    }

    public String description() {
        return """
                Logs in, then lists the folder once with each data-connection method (PASV, EPSV,
                PORT, EPRT), each on its own session with no fallback. Prints a table of which
                work and how long each took, an explanation of each failure and a recommendation.
                --redact replaces host names and addresses with <server>, <client>, <address>.""";
    }

    /**
     * Runs the diagnosis of {@code site} and prints the report on {@code out}, one progress
     * line per step on {@code progress} as it goes. Returns the exit code.
     */
    public int diagnose(Site site, SessionOptions options, boolean redact, ProtocolEventBus bus, PrintStream out,
                        PrintStream progress) {
        DiagnosisReport report = new ConnectionDoctor(site, options, bus).run(line -> {
            progress.println("diagnose: " + line);
            progress.flush();
        });
        out.print(report.toText(redact));
        out.flush();
        boolean anyWorks = report.attempts().stream()
                .anyMatch(a -> a.method() != null && a.outcome() == io.portside.diagnose.Outcome.OK);
        return anyWorks ? OK : REMOTE_FAILURE;
    }

    /** Stand-alone entry: {@code diagnose URL [--redact] [--timeout S] [--log FILE|-]}. */
    public static int main(String[] args, PrintStream out, PrintStream err) {
        String url = null;
        boolean redact = false;
        Duration timeout = null;
        String log = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "diagnose" -> { }
                    case "--redact" -> redact = true;
                    case "--timeout" -> timeout = seconds(value(args, ++i, "--timeout"));
                    case "--log" -> log = value(args, ++i, "--log");
                    default -> {
                        if (args[i].startsWith("--") || url != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        url = args[i];
                    }
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("diagnose needs a URL: ftp://[user[:password]@]host[:port]");
            }
            Site site = site(url);
            SessionOptions options = SessionOptions.defaults();
            if (timeout != null) {
                options = options.withTimeouts(timeout, timeout, timeout);
            }
            ProtocolEventBus bus = new ProtocolEventBus();
            try (LogWriter w = log == null ? null : new LogWriter(log, err, bus)) {
                return new DiagnoseCommand().diagnose(site, options, redact, bus, out, err);
            }
        } catch (IllegalArgumentException e) {
            err.println("portside: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("portside: cannot write the log file " + log + ": " + e.getMessage());
            return 3;
        }
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static Duration seconds(String text) {
        try {
            BigDecimal s = new BigDecimal(text);
            if (s.signum() > 0 && s.compareTo(BigDecimal.valueOf(86_400)) <= 0) {
                return Duration.ofMillis(Math.max(1, s.movePointRight(3).longValue()));
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new IllegalArgumentException("--timeout must be a number of seconds, not '" + text + "'");
    }

    /** ftp://[user[:password]@]host[:port][/]; percent-encoding decoded. */
    static Site site(String text) {
        try {
            URI u = new URI(text);
            if (u.getScheme() == null || u.getHost() == null) {
                throw new IllegalArgumentException("'" + text.replaceAll(":[^:@/]*@", ":****@")
                        + "' is not an FTP URL like ftp://user:password@host:port");
            }
            Protocol protocol = Protocol.ofScheme(u.getScheme());
            String info = u.getUserInfo();
            String user = info == null ? null : info.contains(":") ? info.substring(0, info.indexOf(':')) : info;
            String password = info == null || !info.contains(":") ? null : info.substring(info.indexOf(':') + 1);
            String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
            return new Site(protocol, host, u.getPort() < 0 ? protocol.defaultPort() : u.getPort(), user, password);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getReason());
        }
    }

    /** The explained protocol log to a file or stderr ("-"), complete when closed. */
    private static final class LogWriter implements AutoCloseable {
        private final PrintStream target;
        private final boolean owned;
        private final ProtocolEventBus.Subscription sub;

        LogWriter(String where, PrintStream err, ProtocolEventBus bus) throws IOException {
            owned = !where.equals("-");
            if (owned) {
                OutputStream file = Files.newOutputStream(Path.of(where));
                target = new PrintStream(file, false, StandardCharsets.UTF_8);
            } else {
                target = err;
            }
            LogFormatter f = new LogFormatter(Locale.getDefault());
            sub = bus.subscribe(e -> target.println(f.format(e).render()));
        }

        @Override
        public void close() {
            sub.close();
            target.flush();
            if (owned) {
                target.close();
            }
        }
    }
}
