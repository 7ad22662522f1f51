package io.portside.ftp.event;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One TCP segment as captured on the wire: both ends, the absolute sequence and
 * acknowledgement numbers (as {@code tcpdump -S} prints them), the flags, the window as sent
 * (not scaled) and the options that matter for a handshake.
 *
 * @param mss         the MSS option, or -1 when absent
 * @param windowScale the window-scale shift, or -1 when absent
 * @param payload     bytes of data the segment carries (from the IP lengths, not the snapshot)
 */
public record TcpPacket(Instant time, InetSocketAddress source, InetSocketAddress destination, long seq, long ack,
                        int flags, int window, int mss, int windowScale, boolean sackPermitted, int payload) {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** A segment that opens, closes or refuses a connection: worth a log line of its own. */
    public boolean controlsConnection() {
        return has(SYN) || has(FIN) || has(RST);
    }

    /** The flags as people say them: {@code SYN}, {@code SYN-ACK}, {@code ACK}, {@code FIN-ACK}, {@code RST}. */
    public String flagNames() {
        List<String> names = new ArrayList<>();
        if (has(SYN)) {
            names.add("SYN");
        }
        if (has(FIN)) {
            names.add("FIN");
        }
        if (has(RST)) {
            names.add("RST");
        }
        if (has(PSH)) {
            names.add("PSH");
        }
        if (has(ACK)) {
            names.add("ACK");
        }
        return names.isEmpty() ? "none" : String.join("-", names);
    }

    /** The options that matter, e.g. {@code mss 65495 sackOK wscale 7}; empty when none. */
    public String optionText() {
        List<String> out = new ArrayList<>();
        if (mss >= 0) {
            out.add("mss " + mss);
        }
        if (sackPermitted) {
            out.add("sackOK");
        }
        if (windowScale >= 0) {
            out.add("wscale " + windowScale);
        }
        return String.join(" ", out);
    }
}
