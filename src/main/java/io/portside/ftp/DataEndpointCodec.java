package io.portside.ftp;

import io.portside.ftp.event.AddressText;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encodes and decodes the four ways FTP names a data connection's address:
 * {@code 227 (h1,h2,h3,h4,p1,p2)}, {@code 229 (|||port|)}, {@code PORT h1,h2,h3,h4,p1,p2} and
 * {@code EPRT |af|addr|port|} (RFC 959, RFC 2428). Malformed input raises
 * {@link FtpProtocolException} with a sentence saying what is wrong, never anything else.
 */
public final class DataEndpointCodec {
    private static final Pattern SIX_NUMBERS =
            Pattern.compile("(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)");
    private static final Pattern EPSV = Pattern.compile("\\(([\\x21-\\x7e])\\1\\1([^)]*)\\1\\)");

    private DataEndpointCodec() {
    }

    /** Decodes a 227 reply line, e.g. {@code 227 Entering Passive Mode (192,168,0,1,20,245)}. */
    public static DataEndpoint parsePasvReply(String reply) throws FtpProtocolException {
        return parseSixNumbers(DataEndpoint.Kind.PASV, reply, UserMessage.of("endpoint.pasvReply"));
    }

    /** Decodes the argument of a PORT command, e.g. {@code 127,0,0,1,9,39}. */
    public static DataEndpoint parsePortArgument(String argument) throws FtpProtocolException {
        return parseSixNumbers(DataEndpoint.Kind.PORT, argument, UserMessage.of("endpoint.portArgument"));
    }

    /** Decodes a 229 reply line, e.g. {@code 229 Entering Extended Passive Mode (|||6446|)}. */
    public static DataEndpoint parseEpsvReply(String reply) throws FtpProtocolException {
        String text = reply == null ? "" : reply;
        Matcher m = EPSV.matcher(text);
        if (!m.find()) {
            throw new FtpProtocolException(UserMessage.of("endpoint.epsvNoField", clip(text)));
        }
        return new DataEndpoint(DataEndpoint.Kind.EPSV, null, parsePort(m.group(2), UserMessage.of("endpoint.epsvReply")));
    }

    /** Decodes the argument of an EPRT command, e.g. {@code |1|127.0.0.1|6275|} or {@code |2|::1|6275|}. */
    public static DataEndpoint parseEprtArgument(String argument) throws FtpProtocolException {
        String text = argument == null ? "" : argument.trim();
        if (text.length() < 7) {
            throw new FtpProtocolException(UserMessage.of("endpoint.eprtShort", clip(text)));
        }
        char d = text.charAt(0);
        String[] parts = text.substring(1).split(Pattern.quote(String.valueOf(d)), -1);
        if (parts.length != 4 || !parts[3].isEmpty()) {
            throw new FtpProtocolException(UserMessage.of("endpoint.eprtForm", clip(text)));
        }
        if (!parts[0].equals("1") && !parts[0].equals("2")) {
            throw new FtpProtocolException(UserMessage.of("endpoint.eprtFamily", clip(text)));
        }
        String host = parts[1];
        boolean v4 = parts[0].equals("1");
        String shortForm = v4 ? (isIpv4Literal(host) ? host : null) : ipv6Literal(host);
        if (shortForm == null) {
            throw new FtpProtocolException(UserMessage.of("endpoint.eprtAddress", v4 ? "4" : "6", clip(text)));
        }
        host = shortForm;
        return new DataEndpoint(DataEndpoint.Kind.EPRT, host, parsePort(parts[2], UserMessage.of("endpoint.eprtArgument")));
    }

    /** The PORT argument for an IPv4 address and port: {@code 127,0,0,1,9,39}. */
    public static String formatPort(InetAddress address, int port) {
        byte[] b = address.getAddress();
        if (b.length != 4) {
            throw new IllegalArgumentException("PORT carries IPv4 addresses only: " + address);
        }
        return (b[0] & 0xff) + "," + (b[1] & 0xff) + "," + (b[2] & 0xff) + "," + (b[3] & 0xff) + ","
                + (port >> 8) + "," + (port & 0xff);
    }

    /** The EPRT argument: {@code |1|127.0.0.1|2343|} or {@code |2|::1|2343|}. */
    public static String formatEprt(InetAddress address, int port) {
        boolean v6 = address instanceof Inet6Address;
        return "|" + (v6 ? 2 : 1) + "|" + AddressText.withoutZone(address) + "|" + port + "|";
    }

    private static DataEndpoint parseSixNumbers(DataEndpoint.Kind kind, String text, UserMessage what)
            throws FtpProtocolException {
        String s = text == null ? "" : text;
        Matcher m = SIX_NUMBERS.matcher(s);
        if (!m.find()) {
            throw new FtpProtocolException(UserMessage.of("endpoint.noSixNumbers", what, clip(s)));
        }
        int[] n = new int[6];
        for (int i = 0; i < 6; i++) {
            String g = m.group(i + 1);
            if (g.length() > 3 || Integer.parseInt(g) > 255) {
                throw new FtpProtocolException(UserMessage.of("endpoint.numberTooLarge", what, clip(g), clip(s)));
            }
            n[i] = Integer.parseInt(g);
        }
        String host = n[0] + "." + n[1] + "." + n[2] + "." + n[3];
        return new DataEndpoint(kind, host, n[4] * 256 + n[5]);
    }

    private static int parsePort(String digits, UserMessage what) throws FtpProtocolException {
        String d = digits.trim();
        if (d.isEmpty() || d.length() > 5 || !asciiDigits(d)) {
            throw new FtpProtocolException(UserMessage.of("endpoint.noPort", what, clip(d)));
        }
        int port = Integer.parseInt(d);
        if (port < 1 || port > 65535) {
            throw new FtpProtocolException(UserMessage.of("endpoint.portRange", what, port));
        }
        return port;
    }

    private static boolean isIpv4Literal(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !asciiDigits(p) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * The RFC 5952 form of an IPv6 literal, or null when it is not one. A {@code %zone} is
     * dropped (it means nothing to the peer). Only hex digits, colons and dots get to
     * InetAddress, so it parses a literal and never asks DNS about the text.
     */
    private static String ipv6Literal(String host) {
        int zone = host.indexOf('%');
        String bare = zone >= 0 ? host.substring(0, zone) : host;
        if (bare.isEmpty() || bare.indexOf(':') < 0 || bare.length() > 45 || bare.charAt(0) == '.'
                || !bare.chars().allMatch(c -> c == ':' || c == '.' || c < 128 && Character.digit(c, 16) >= 0)) {
            return null;
        }
        try {
            InetAddress a = InetAddress.getByName(bare);
            return a instanceof Inet6Address ? AddressText.withoutZone(a) : null;
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    /** Only 0-9: Character.isDigit would also let Arabic-Indic and other digits through. */
    private static boolean asciiDigits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Keeps hostile input from flooding a message. */
    static String clip(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
