package io.portside.ftp.capture;

import io.portside.ftp.event.TcpPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Finds the TCP segment in a captured frame: the link layer (Ethernet with VLAN tags, Linux
 * cooked SLL and SLL2, BSD null/loopback, raw IP), then IPv4 or IPv6 (skipping extension
 * headers), then the TCP header and its MSS, window-scale and SACK-permitted options.
 * Anything else (ARP, UDP, fragments after the first) is not ours and yields null.
 */
final class FrameDecoder {
    private static final int ETHERNET = 1;
    private static final int NULL = 0;
    private static final int LOOP = 108;
    private static final int RAW = 101;
    private static final int RAW_BSD = 12;
    private static final int IPV4 = 228;
    private static final int IPV6 = 229;
    private static final int LINUX_SLL = 113;
    private static final int LINUX_SLL2 = 276;
    private static final int TCP = 6;

    private FrameDecoder() {
    }

    static TcpPacket decode(Frame f) {
        byte[] d = f.data();
        int ip = ipStart(f.linkType(), d);
        if (ip < 0 || ip >= d.length) {
            return null;
        }
        return switch ((d[ip] & 0xff) >> 4) {
            case 4 -> ipv4(f, d, ip);
            case 6 -> ipv6(f, d, ip);
            default -> null;
        };
    }

    /** Where the IP header starts, or -1 when the frame carries no IP. */
    private static int ipStart(int linkType, byte[] d) {
        switch (linkType) {
            case ETHERNET: {
                int at = 12;
                while (at + 2 <= d.length) {
                    int type = u16(d, at);
                    if (type == 0x8100 || type == 0x88a8) { // VLAN tags
                        at += 4;
                        continue;
                    }
                    return type == 0x0800 || type == 0x86dd ? at + 2 : -1;
                }
                return -1;
            }
            case LINUX_SLL:
                return d.length >= 16 && isIp(u16(d, 14)) ? 16 : -1;
            case LINUX_SLL2:
                return d.length >= 20 && isIp(u16(d, 0)) ? 20 : -1;
            case NULL:
            case LOOP:
                return d.length >= 4 ? 4 : -1; // the family says v4 or v6; the version nibble says it too
            case RAW:
            case RAW_BSD:
            case IPV4:
            case IPV6:
                return 0;
            default:
                return -1;
        }
    }

    private static boolean isIp(int etherType) {
        return etherType == 0x0800 || etherType == 0x86dd;
    }

    private static TcpPacket ipv4(Frame f, byte[] d, int ip) {
        if (ip + 20 > d.length) {
            return null;
        }
        int headerLength = (d[ip] & 0x0f) * 4;
        int total = u16(d, ip + 2);
        int fragmentOffset = u16(d, ip + 6) & 0x1fff;
        if (d[ip + 9] != TCP || fragmentOffset != 0 || headerLength < 20) {
            return null;
        }
        InetAddress src = address(d, ip + 12, 4);
        InetAddress dst = address(d, ip + 16, 4);
        return tcp(f, d, ip + headerLength, total - headerLength, src, dst);
    }

    private static TcpPacket ipv6(Frame f, byte[] d, int ip) {
        if (ip + 40 > d.length) {
            return null;
        }
        int remaining = u16(d, ip + 4);
        int next = d[ip + 6] & 0xff;
        InetAddress src = address(d, ip + 8, 16);
        InetAddress dst = address(d, ip + 24, 16);
        int at = ip + 40;
        while (next != TCP) {
            if (at + 8 > d.length) {
                return null;
            }
            int length;
            if (next == 0 || next == 43 || next == 60) { // hop-by-hop, routing, destination options
                length = ((d[at + 1] & 0xff) + 1) * 8;
            } else if (next == 44) { // fragment: only the first carries the TCP header
                if ((u16(d, at + 2) & 0xfff8) != 0) {
                    return null;
                }
                length = 8;
            } else {
                return null;
            }
            next = d[at] & 0xff;
            at += length;
            remaining -= length;
        }
        return tcp(f, d, at, remaining, src, dst);
    }

    private static TcpPacket tcp(Frame f, byte[] d, int at, int segmentLength, InetAddress src, InetAddress dst) {
        if (src == null || dst == null || at + 20 > d.length) {
            return null;
        }
        int headerLength = ((d[at + 12] & 0xff) >> 4) * 4;
        if (headerLength < 20) {
            return null;
        }
        int mss = -1;
        int scale = -1;
        boolean sack = false;
        int o = at + 20;
        int end = Math.min(at + headerLength, d.length);
        while (o < end) {
            int kind = d[o] & 0xff;
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                o++;
                continue;
            }
            if (o + 1 >= end) {
                break;
            }
            int len = d[o + 1] & 0xff;
            if (len < 2 || o + len > end) {
                break;
            }
            if (kind == 2 && len == 4) {
                mss = u16(d, o + 2);
            } else if (kind == 3 && len == 3) {
                scale = d[o + 2] & 0xff;
            } else if (kind == 4) {
                sack = true;
            }
            o += len;
        }
        return new TcpPacket(f.time(), new InetSocketAddress(src, u16(d, at)), new InetSocketAddress(dst, u16(d, at + 2)),
                u32(d, at + 4), u32(d, at + 8), d[at + 13] & 0x3f, u16(d, at + 14), mss, scale, sack,
                Math.max(0, segmentLength - headerLength));
    }

    private static InetAddress address(byte[] d, int at, int length) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(d, at, at + length));
        } catch (UnknownHostException impossible) {
            return null; // only for a wrong length, which the callers never pass
        }
    }

    private static int u16(byte[] d, int at) {
        return ((d[at] & 0xff) << 8) | (d[at + 1] & 0xff);
    }

    private static long u32(byte[] d, int at) {
        return ((long) u16(d, at) << 16) | u16(d, at + 2);
    }
}
