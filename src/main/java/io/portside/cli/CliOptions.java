package io.portside.cli;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.event.Units;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.capture.CaptureMode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import io.portside.ftp.tls.CertificateInfo;
import io.portside.ftp.tls.FingerprintStore;
import io.portside.ftp.tls.TlsPolicy;
import io.portside.transfer.ConflictPolicy;
import io.portside.transfer.TypeChoice;

/**
 * The parsed command line: the command word, its operands and the options, which may stand
 * anywhere ({@code --opt value} or {@code --opt=value}; {@code --} ends the options).
 *
 * @param command   null when none was given
 * @param modeGiven true when --mode was given: the user wants that mode, so no fallback to the other
 * @param log       a file name, "-" for stderr, or null for no log
 * @param timeout   null for the defaults
 * @param parallel  transfers at once (mirror), 1-10
 * @param conflict  what a transfer does when its target exists; never ASK (no one to ask on a command line)
 * @param retries   retries of a transient failure (dropped connection, 421, 425...) per file
 * @param reverse   mirror uploads (LOCALDIR URL) instead of downloading
 * @param type      get, put, mirror: files as bytes (binary), as text (ascii) or by extension (auto)
 * @param limitRate bytes per second for all transfers of the run together, 0 for no limit
 * @param preserveTimes give each copy its source's modification time
 * @param connectionsPerSite most connections to the server at once, 1-10; 0: as many as --parallel
 * @param capture   whether to capture the packets of our connections (default off on the command line)
 * @param captureFile where to write those packets as pcap, or null
 * @param config    queue: the config folder (the window's when null, see {@link io.portside.sites.ConfigFolder})
 * @param masterPasswordFile queue: a file whose first line opens the saved sites' passwords, or null
 * @param sync      compare and mirror: filters, times, --dry-run, --delete, --recursive
 * @param probe     diagnose: a Portside probe as HOST:PORT to check against, or null
 * @param listen    probe-server: ADDR:PORT to listen on, or null
 * @param passivePorts probe-server: MIN-MAX of its passive ports, or null for the default
 */
public record CliOptions(String command, List<String> operands, DataMode mode, boolean modeGiven,
                         ExtendedMode extended, String log, Duration timeout, boolean debug, boolean help,
                         Set<String> trustedFingerprints, boolean redact, int parallel, ConflictPolicy conflict,
                         int retries, boolean reverse, TypeChoice type, long limitRate, boolean preserveTimes,
                         int connectionsPerSite, CaptureMode capture, String captureFile, String config,
                         String masterPasswordFile, SyncOptions sync, String probe, String listen,
                         String passivePorts) {

    static final int DEFAULT_PARALLEL = 2;
    static final int DEFAULT_RETRIES = 3;
    static final int MAX_RETRIES = 100;

    static final String OPTIONS_HELP = """
            Options:
              --mode passive|active       who opens data connections (default passive: the server listens)
              --extended auto|always|never  EPSV/EPRT instead of PASV/PORT (default auto)
              --log FILE | --log -        write the explained protocol log to FILE, or to stderr with -
              --timeout SECONDS           for connecting, each reply and data silence
              --trust-fingerprint SHA256  for ftpes:// and ftps://: trust the server certificate with this
                                          SHA-256 fingerprint (as openssl x509 -fingerprint -sha256 prints it;
                                          colons optional, any case); may be given more than once
              --parallel N                mirror: transfers at once, 1-10 (default 2)
              --on-conflict overwrite|skip|resume|newer|rename
                                          when a target exists: replace it (default), keep it, continue it,
                                          replace it only when the source is newer, or write name (1).ext
              --retries N                 retries of a dropped or timed-out transfer per file, 0-100 (default 3)
              --reverse                   mirror: upload LOCALDIR to URL instead of downloading
              --limit-rate RATE           bytes per second for all transfers together: 500K, 2M, 1.5M, 80000
                                          (K = 1024 bytes, M = 1024 K; default no limit)
              --preserve-times            give each copy its source's modification time (uploads: MFMT,
                                          when the server offers it; downloads: the server's MDTM or listing)
              --connections-per-site N    mirror: most connections to the server at once, 1-10
                                          (default: as many as --parallel)
              --type binary|ascii|auto    files as bytes (default), as text with the receiving side's line
                                          ends (TYPE A), or as text only for text extensions (.txt, .html...)
              --capture on|off|auto       show the real packets of our connections (SYN, SYN-ACK, ACK, FIN, RST)
                                          in the log, captured with tcpdump or dumpcap (default off; auto:
                                          when the machine allows it; on: fail saying how to allow it)
              --capture-file FILE.pcap    also write those packets to FILE.pcap, for Wireshark
              --config DIR                queue: the config folder with the saved queue and sites (default:
                                          the window's, ~/.config/portside)
              --master-password-file FILE queue: read the master password of the saved sites from FILE's
                                          first line instead of asking on the terminal
              --include GLOB              compare, mirror: only files whose name (or, with a /, path) matches;
                                          * ? [abc] {a,b}, ** across folders; may be given more than once
              --exclude GLOB              compare, mirror: leave out matching files and folders; repeatable
              --skip-hidden               compare, mirror: leave out names starting with a dot
              --min-size SIZE, --max-size SIZE
                                          compare, mirror: only files of at least / at most SIZE (10K, 2M, 1G)
              --time-offset MINUTES       compare, mirror: add to the server's times (-60: it lists them an
                                          hour ahead)
              --time-tolerance SECONDS    compare, mirror: times this close count as the same (default 0)
              --recursive                 compare: into sub-folders too
              --dry-run                   mirror: print the plan (download, upload, delete, skip-conflict),
                                          change nothing
              --delete                    mirror: after the transfers, delete on the target what the source lacks
              --probe HOST:PORT           diagnose: check against a Portside probe (portside probe-server),
                                          which reports what it saw of our PORT and connections
              --listen ADDR:PORT          probe-server: where the probe listens
              --passive-ports MIN-MAX     probe-server: its passive ports (default 40900-40999)
              --redact                    diagnose: show <server>, <client> instead of names and addresses
              --debug                     print the stack trace of a failure
              --help                      this text (after a command: that command's usage)
            """;

    public CliOptions {
        operands = List.copyOf(operands);
        trustedFingerprints = Set.copyOf(trustedFingerprints);
    }

    public static CliOptions parse(String[] args) throws CliException {
        String command = null;
        List<String> operands = new ArrayList<>();
        DataMode mode = DataMode.PASSIVE;
        boolean modeGiven = false;
        ExtendedMode extended = ExtendedMode.AUTO;
        String log = null;
        Duration timeout = null;
        boolean debug = false;
        boolean help = false;
        boolean redact = false; // diagnose: hide host names and addresses in the report
        boolean optionsEnded = false;
        int parallel = DEFAULT_PARALLEL;
        ConflictPolicy conflict = ConflictPolicy.OVERWRITE;
        int retries = DEFAULT_RETRIES;
        boolean reverse = false;
        TypeChoice type = TypeChoice.BINARY;
        long limitRate = 0;
        boolean preserveTimes = false;
        int connectionsPerSite = 0;
        CaptureMode capture = CaptureMode.OFF;
        String captureFile = null;
        String config = null;
        String masterPasswordFile = null;
        String probe = null;
        String listen = null;
        String passivePorts = null;
        Set<String> fingerprints = new HashSet<>();
        SyncOptions.Builder sync = new SyncOptions.Builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                if (command == null) {
                    command = arg;
                } else {
                    operands.add(arg);
                }
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (sync.flag(name)) {
                noValue(name, value);
                continue;
            }
            switch (name) {
                case "--" -> optionsEnded = true;
                case "--debug" -> debug = noValue(name, value);
                case "--help", "-h" -> help = noValue(name, value);
                case "--redact" -> redact = noValue(name, value);
                case "--reverse" -> reverse = noValue(name, value);
                case "--preserve-times" -> preserveTimes = noValue(name, value);
                case "--mode", "--extended", "--log", "--timeout", "--trust-fingerprint", "--parallel",
                        "--on-conflict", "--retries", "--type", "--limit-rate", "--connections-per-site",
                        "--capture", "--capture-file", "--config", "--master-password-file", "--include",
                        "--exclude", "--time-offset", "--time-tolerance", "--min-size", "--max-size", "--probe", "--listen",
                        "--passive-ports" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw CliException.usage(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--mode" -> {
                            mode = choice(DataMode.class, name, value, "passive or active");
                            modeGiven = true;
                        }
                        case "--extended" -> extended = choice(ExtendedMode.class, name, value, "auto, always or never");
                        case "--log" -> log = logTarget(value);
                        case "--trust-fingerprint" -> fingerprints.add(fingerprint(value));
                        case "--parallel" -> parallel = number(name, value, 1, 10);
                        case "--retries" -> retries = number(name, value, 0, MAX_RETRIES);
                        case "--on-conflict" -> conflict = conflict(value);
                        case "--type" -> type = choice(TypeChoice.class, name, value, "binary, ascii or auto");
                        case "--limit-rate" -> limitRate = rate(value);
                        case "--connections-per-site" -> connectionsPerSite = number(name, value, 1, 10);
                        case "--capture" -> capture = choice(CaptureMode.class, name, value, "on, off or auto");
                        case "--capture-file" -> captureFile = captureFile(value);
                        case "--config" -> config = fileName(name, value, "a folder name");
                        case "--master-password-file" -> masterPasswordFile = fileName(name, value, "a file name");
                        case "--include", "--exclude", "--time-offset", "--time-tolerance", "--min-size", "--max-size" ->
                                sync.value(name, value);
                        case "--probe" -> probe = value;
                        case "--listen" -> listen = value;
                        case "--passive-ports" -> passivePorts = value;
                        default -> timeout = seconds(value);
                    }
                }
                default -> throw CliException.usage("unknown option " + name);
            }
        }
        if (captureFile != null && capture == CaptureMode.OFF) {
            capture = CaptureMode.ON; // a capture file asks for the capture (--capture auto keeps it optional)
        }
        return new CliOptions(command, operands, mode, modeGiven, extended, log, timeout, debug, help, fingerprints,
                redact, parallel, conflict, retries, reverse, type, limitRate, preserveTimes, connectionsPerSite,
                capture, captureFile, config, masterPasswordFile, sync.build(), probe, listen, passivePorts);
    }

    /** The connection settings these options ask for. */
    public SessionOptions sessionOptions() {
        SessionOptions s = SessionOptions.defaults().withMode(mode, extended).withModeFallback(!modeGiven);
        return timeout == null ? s : s.withTimeouts(timeout, timeout, timeout);
    }

    /** Certificates: the system's trust store plus the fingerprints given; no prompt on a command line. */
    public TlsPolicy tlsPolicy() {
        return new TlsPolicy(trustedFingerprints, FingerprintStore.NONE, null);
    }

    private static String fingerprint(String value) throws CliException {
        try {
            return CertificateInfo.normalizeFingerprint(value);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--trust-fingerprint: " + e.getMessage());
        }
    }

    private static boolean noValue(String name, String value) throws CliException {
        if (value != null) {
            throw CliException.usage(name + " takes no value");
        }
        return true;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String name, String value, String allowed)
            throws CliException {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.usage(name + " must be " + allowed + ", not '" + value + "'");
        }
    }

    private static int number(String name, String value, int min, int max) throws CliException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw CliException.usage(name + " must be a number from " + min + " to " + max + ", not '" + value + "'");
    }

    /** The five names; "ask" needs the window and "size" is the window's, so both are refused here. */
    private static ConflictPolicy conflict(String value) throws CliException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "overwrite" -> ConflictPolicy.OVERWRITE;
            case "skip" -> ConflictPolicy.SKIP;
            case "resume" -> ConflictPolicy.RESUME;
            case "newer" -> ConflictPolicy.OVERWRITE_IF_NEWER;
            case "rename" -> ConflictPolicy.RENAME;
            default -> throw CliException.usage("--on-conflict must be overwrite, skip, resume, newer or rename, not '"
                    + value + "'");
        };
    }

    /** "500K", "2M", "1.5m", "80000": bytes per second, K = 1024 and M = 1024 K as curl and wget count. */
    static long rate(String value) throws CliException {
        try {
            long bytes = Units.parseSize(value);
            // Below 1 KB/s a transfer would crawl for no reason anyone has; above 100 GB/s no network goes.
            if (bytes >= 1024 && bytes <= 100L * 1024 * 1024 * 1024) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw CliException.usage("--limit-rate must be bytes per second from 1K up, such as 500K or 2M, not '"
                + value + "'");
    }

    private static String captureFile(String value) throws CliException {
        if (value.isBlank() || value.equals("-")) {
            throw CliException.usage("--capture-file needs a file name (FILE.pcap)");
        }
        return value;
    }

    private static String fileName(String name, String value, String what) throws CliException {
        if (value.isBlank()) {
            throw CliException.usage(name + " needs " + what);
        }
        return value;
    }

    private static String logTarget(String value) throws CliException {
        if (value.isBlank()) {
            throw CliException.usage("--log needs a file name, or - for stderr");
        }
        return value;
    }

    private static Duration seconds(String value) throws CliException {
        try {
            BigDecimal s = new BigDecimal(value);
            if (s.signum() > 0 && s.compareTo(BigDecimal.valueOf(86_400)) <= 0) {
                Duration d = Duration.ofMillis(s.movePointRight(3).longValue());
                if (!d.isZero()) {
                    return d;
                }
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw CliException.usage("--timeout must be a number of seconds between 0.001 and 86400, not '" + value + "'");
    }
}
