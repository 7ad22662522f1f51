package io.portside.ftp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Where an address can be reached from: only on this machine, only inside a private network
 * (the ranges NAT routers hide: RFC 1918, carrier-grade NAT 100.64/10, IPv6 unique local
 * fc00::/7, link-local), or from anywhere. A private local address talking to a public server
 * is the one certain sign, seen from our side alone, that a NAT router stands between us.
 */
public enum AddressScope {
    LOOPBACK, PRIVATE, PUBLIC;

    public static AddressScope of(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress()) {
            return LOOPBACK;
        }
        if (a.isSiteLocalAddress() || a.isLinkLocalAddress()) {
            return PRIVATE;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return PRIVATE; // 100.64.0.0/10, carrier-grade NAT (RFC 6598)
        }
        if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return PRIVATE; // fc00::/7, unique local (RFC 4193)
        }
        return PUBLIC;
    }

    /** Parses a literal address (never looks a name up); PUBLIC for anything that is not a literal. */
    public static AddressScope ofLiteral(String address) {
        try {
            return address.matches("[0-9.]+|[0-9a-fA-F:.%]*:[0-9a-fA-F:.%]*") ? of(InetAddress.getByName(address)) : PUBLIC;
        } catch (java.net.UnknownHostException e) {
            return PUBLIC;
        }
    }

    /** Our private address to a public server: a NAT router is certainly between us. */
    public static boolean behindNat(InetAddress local, InetAddress server) {
        return of(local) == PRIVATE && of(server) == PUBLIC;
    }
}
