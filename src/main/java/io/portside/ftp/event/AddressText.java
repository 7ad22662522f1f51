package io.portside.ftp.event;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * Addresses as people and servers expect to read them: IPv4 dotted, IPv6 in the RFC 5952 form
 * ({@code ::1}, {@code 2001:db8::7}; Java's own {@code 0:0:0:0:0:0:0:1} is refused in EPRT by
 * servers that compare the text with the control connection's peer, such as pyftpdlib).
 * The log, the wire and the explanations all use this one form.
 */
public final class AddressText {
    private AddressText() {
    }

    /** The address, with its {@code %zone} when it is a scoped (link-local) IPv6 address. */
    public static String of(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return address.getHostAddress();
        }
        String zone = "";
        if (v6.getScopedInterface() != null) {
            zone = "%" + v6.getScopedInterface().getName();
        } else if (v6.getScopeId() != 0) {
            zone = "%" + v6.getScopeId();
        }
        return rfc5952(v6.getAddress()) + zone;
    }

    /** The address without any zone: what goes on the wire (EPRT), where a zone means nothing to the peer. */
    public static String withoutZone(InetAddress address) {
        return address instanceof Inet6Address ? rfc5952(address.getAddress()) : address.getHostAddress();
    }

    /** {@code host:port}, or {@code [v6]:port}; an unresolved address keeps the name it was given. */
    public static String of(InetSocketAddress a) {
        return hostPort(a.getAddress() != null ? of(a.getAddress()) : a.getHostString(), a.getPort());
    }

    /** {@code host:port}, brackets around a host that contains colons (an IPv6 literal). */
    public static String hostPort(String host, int port) {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /**
     * RFC 5952 section 4: lower-case hex without leading zeros, the longest run of two or more
     * zero groups (the first of equal runs) shortened to "::", a lone zero group kept as "0".
     */
    static String rfc5952(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
