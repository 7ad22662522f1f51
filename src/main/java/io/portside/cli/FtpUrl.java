package io.portside.cli;

import io.portside.files.RemotePath;
import io.portside.ftp.Protocol;
import io.portside.ftp.Site;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An {@code ftp://user:password@host:port/path} URL, read as RFC 1738 and curl read it: the
 * path is relative to the login folder, one CWD per folder segment, and a leading {@code %2F}
 * makes it absolute ({@code ftp://h/%2Fetc/x} is {@code /etc/x}). Every part is
 * percent-decoded as UTF-8. {@link #toString()} masks the password.
 *
 * @param user     null when the URL names none (anonymous login)
 * @param password null when the URL names none
 * @param host     without the brackets of an IPv6 literal
 * @param folders  the folders to change into, in order (the first may start with "/")
 * @param name     the last segment: the file (or folder) the URL names; empty when the URL
 *                 ends with "/" or has no path
 */
public record FtpUrl(Protocol protocol, String user, String password, String host, int port, List<String> folders,
                     String name) {
    private static final String FORM = "ftp://[user[:password]@]host[:port]/path";
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    public FtpUrl {
        folders = List.copyOf(folders);
    }

    /** Parses {@code text}; an {@link IllegalArgumentException} says in words what is wrong. */
    public static FtpUrl parse(String text) {
        int schemeEnd = text.indexOf("://");
        if (schemeEnd <= 0) {
            throw bad(text, "it does not start with ftp://");
        }
        Protocol protocol;
        try {
            protocol = Protocol.ofScheme(text.substring(0, schemeEnd));
        } catch (IllegalArgumentException e) {
            throw bad(text, e.getMessage());
        }
        String rest = text.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (authority.contains("?") || authority.contains("#") || path.contains("?") || path.contains("#")) {
            throw bad(text, "FTP URLs have no ?query or #fragment (write ? as %3F and # as %23)");
        }

        String user = null;
        String password = null;
        // The last @ ends the user info: an unencoded @ in a password is common enough to allow.
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            int colon = info.indexOf(':');
            user = decode(text, colon < 0 ? info : info.substring(0, colon), "user name");
            password = colon < 0 ? null : decode(text, info.substring(colon + 1), "password");
            authority = authority.substring(at + 1);
            if (user.isEmpty()) {
                throw bad(text, "the user name before @ is empty (leave out user@ to log in anonymously)");
            }
        }

        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw bad(text, "the IPv6 address has no closing ]");
            }
            host = authority.substring(1, close);
            if (!IPV6.matcher(host).matches() || !host.contains(":")) {
                throw bad(text, "[" + host + "] is not an IPv6 address");
            }
            String after = authority.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw bad(text, "unexpected text after the IPv6 address: " + after);
            }
            portText = after.isEmpty() ? null : after.substring(1);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
            if (!host.isEmpty() && !HOST_NAME.matcher(host).matches()) {
                throw bad(text, "'" + host + "' is not a host name or address");
            }
        }
        if (host.isEmpty()) {
            throw bad(text, "it names no host");
        }
        int port = portText == null ? protocol.defaultPort() : port(text, portText);

        List<String> segments = new ArrayList<>();
        for (String raw : path.split("/", -1)) {
            segments.add(decode(text, raw, "path"));
        }
        String name = path.isEmpty() ? "" : segments.remove(segments.size() - 1);
        // An empty folder segment ("a//b") would be "CWD " with nothing: skip it.
        segments.removeIf(String::isEmpty);
        return new FtpUrl(protocol, user, password, host, port, segments, name);
    }

    private static int port(String url, String text) {
        if (!text.matches("[0-9]{1,5}")) {
            throw bad(url, "the port '" + text + "' is not a number");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw bad(url, "the port " + port + " is not between 1 and 65535");
        }
        return port;
    }

    /**
     * Percent-decodes one part. Control characters are refused: a decoded CR LF would end
     * the FTP command and start another one of the URL author's choosing.
     */
    static String decode(String url, String part, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length()) {
                    throw bad(url, "'%' in the " + what + " must be followed by two hex digits (write % as %25)");
                }
                int hi = Character.digit(part.charAt(i + 1), 16);
                int lo = Character.digit(part.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw bad(url, "'%" + part.substring(i + 1, i + 3) + "' in the " + what
                            + " is not a percent-encoded byte (write % as %25)");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < part.length()) {
                    b = part.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(b, 0, b.length);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw bad(url, "the " + what + " is not valid UTF-8 after percent-decoding");
        }
        if (decoded.chars().anyMatch(Character::isISOControl)) {
            throw bad(url, "the " + what + " contains a control character (such as a line break)");
        }
        return decoded;
    }

    private static IllegalArgumentException bad(String url, String why) {
        return new IllegalArgumentException("'" + masked(url) + "' is not a valid FTP URL (" + FORM + "): " + why);
    }

    /** The URL as typed, with any password replaced, for error messages. */
    static String masked(String url) {
        int schemeEnd = url.indexOf("://");
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int slash = url.indexOf('/', start);
        int end = slash < 0 ? url.length() : slash;
        int at = url.lastIndexOf('@', end - 1);
        if (at < start) {
            return url;
        }
        int colon = url.indexOf(':', start);
        return colon < 0 || colon > at ? url : url.substring(0, colon + 1) + "****" + url.substring(at);
    }

    /** Where to connect and as whom. */
    public Site site() {
        return new Site(protocol, host, port, user, password);
    }

    public boolean isAnonymous() {
        return user == null;
    }

    /** True when the URL names a folder rather than a file ("ftp://h/dir/" or "ftp://h"). */
    public boolean namesFolder() {
        return name.isEmpty();
    }

    /** The same URL with another last segment. */
    public FtpUrl withName(String newName) {
        return new FtpUrl(protocol, user, password, host, port, folders, newName);
    }

    /**
     * Where the URL points, relative to the login folder unless its path starts with %2F; the
     * folders are entered one CWD each (see {@link CommandContext#openAt}), and end up here.
     */
    public RemotePath path() {
        RemotePath p = RemotePath.LOGIN;
        for (String folder : folders) {
            p = p.resolve(folder);
        }
        // A name is sent as it is (RETR a b.txt); only a decoded %2F in it is read as a path.
        return name.isEmpty() ? p : name.contains("/") ? p.resolve(name) : p.child(name);
    }

    /** The remote path as a person reads it: "a/b.txt", "/etc/x" or "." for the login folder. */
    public String displayPath() {
        return path().display();
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        String who = user == null ? "" : user + (password == null ? "" : ":****") + "@";
        String path = displayPath().equals(".") ? "" : displayPath();
        // A leading slash is written %2F, as it would have to be typed.
        return protocol.scheme() + "://" + who + h + ":" + port + "/" + (path.startsWith("/") ? "%2F" + path.substring(1) : path);
    }
}
