package io.portside.cli;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.Protocol;
import io.portside.ftp.Site;
import io.portside.transfer.ConflictPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@code mirror URL LOCALDIR} and {@code mirror --reverse LOCALDIR URL}.
 * Parses its own options until the shared CliOptions/FtpUrl of branch cli are on main; then
 * it should use those (see the report of branch queue).
 *
 * @param remotePath relative to the login folder, as in RFC 1738; absolute when the URL path starts with %2F
 */
record MirrorArgs(boolean reverse, Site site, String remotePath, String localDir, int parallel,
                  ConflictPolicy conflict, int retries, DataMode mode, boolean modeGiven, ExtendedMode extended,
                  String log) {

    static final String USAGE = "portside mirror [options] URL LOCALDIR | portside mirror --reverse [options] LOCALDIR URL";

    static MirrorArgs parse(List<String> args) {
        boolean reverse = false;
        int parallel = 2;
        int retries = 3;
        ConflictPolicy conflict = ConflictPolicy.OVERWRITE;
        DataMode mode = DataMode.PASSIVE;
        boolean modeGiven = false;
        ExtendedMode extended = ExtendedMode.AUTO;
        String log = null;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a;
            String value = null;
            if (a.startsWith("--") && a.contains("=")) {
                name = a.substring(0, a.indexOf('='));
                value = a.substring(a.indexOf('=') + 1);
            }
            if (!name.startsWith("--")) {
                operands.add(a);
                continue;
            }
            if (name.equals("--reverse")) {
                reverse = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "--parallel" -> parallel = number(name, value, 1, 10);
                case "--retries" -> retries = number(name, value, 0, 100);
                case "--on-conflict" -> conflict = ConflictPolicy.parse(value);
                case "--mode" -> {
                    mode = DataMode.valueOf(choice(name, value, "PASSIVE", "ACTIVE"));
                    modeGiven = true;
                }
                case "--extended" -> extended = ExtendedMode.valueOf(choice(name, value, "AUTO", "ALWAYS", "NEVER"));
                case "--log" -> log = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (operands.size() != 2) {
            throw new IllegalArgumentException("mirror needs two operands (usage: " + USAGE + ")");
        }
        if (conflict == ConflictPolicy.ASK) {
            throw new IllegalArgumentException("--on-conflict ask needs the window; use overwrite, skip, resume, newer or rename");
        }
        String url = reverse ? operands.get(1) : operands.get(0);
        String local = reverse ? operands.get(0) : operands.get(1);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a valid FTP URL: " + e.getReason());
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not an FTP URL (ftp://[user[:password]@]host[:port]/path)");
        }
        Protocol protocol = Protocol.ofScheme(uri.getScheme());
        String user = null;
        String password = null;
        if (uri.getUserInfo() != null) {
            String info = uri.getUserInfo();
            int colon = info.indexOf(':');
            user = colon < 0 ? info : info.substring(0, colon);
            password = colon < 0 ? null : info.substring(colon + 1);
        }
        Site site = new Site(protocol, uri.getHost(), uri.getPort() < 0 ? protocol.defaultPort() : uri.getPort(), user, password);
        String raw = uri.getRawPath() == null ? "" : uri.getRawPath();
        String path = raw.startsWith("/") ? raw.substring(1) : raw;
        path = path.replace("%2F", "/").replace("%2f", "/");
        path = URI.create("x:/" + path.replace(" ", "%20")).getPath().substring(1);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new MirrorArgs(reverse, site, path.isEmpty() ? "." : path, local, parallel, conflict, retries, mode,
                modeGiven, extended, log);
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new IllegalArgumentException(name + " must be a number from " + min + " to " + max + ", not '" + value + "'");
    }

    private static String choice(String name, String value, String... allowed) {
        String v = value.toUpperCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw new IllegalArgumentException(name + " must be one of " + String.join(", ", allowed).toLowerCase(Locale.ROOT)
                + ", not '" + value + "'");
    }
}
