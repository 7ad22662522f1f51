package io.portside.ftp.capture;

import io.portside.ftp.FtpException;
import io.portside.ftp.UserMessage;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads frames from a pcap or pcapng stream (a capture tool's stdout, or a file), either byte
 * order, micro- or nanosecond timestamps. Only what a capture of our own connections needs:
 * pcapng interface, enhanced and simple packet blocks; other blocks are skipped.
 */
final class PcapStreamReader {
    private static final int PCAP_MICROS = 0xa1b2c3d4;
    private static final int PCAP_NANOS = 0xa1b23c4d;
    private static final int PCAPNG_SECTION = 0x0a0d0d0a;
    private static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    private static final int MAX_BLOCK = 1 << 24;

    private final DataInputStream in;
    /** Under {@code in}: one byte read ahead tells the stream's end from a record cut short. */
    private final PushbackInputStream ahead;
    private boolean pcapng;
    private boolean swapped;
    private boolean nanos;
    private int pcapLinkType;
    /** pcapng: link type and timestamp units per second of each interface, by interface id. */
    private final List<int[]> interfaces = new ArrayList<>();
    private final List<Long> resolutions = new ArrayList<>();

    /** @throws IOException in words when the stream is no capture or ends within its header */
    PcapStreamReader(InputStream in) throws IOException {
        this.ahead = new PushbackInputStream(in, 1);
        this.in = new DataInputStream(ahead);
        try {
            int magic = this.in.readInt();
            if (magic == PCAPNG_SECTION) {
                pcapng = true;
                readSection();
            } else {
                readPcapHeader(magic);
            }
        } catch (EOFException e) {
            throw damaged("pcap.cutHeader");
        }
    }

    /**
     * The next frame, or null at the end of the stream.
     *
     * @throws IOException in words when the stream is damaged or ends in the middle of a packet
     */
    Frame next() throws IOException {
        if (atEnd()) {
            return null;
        }
        try {
            return pcapng ? nextBlock() : nextRecord();
        } catch (EOFException cut) {
            throw damaged("pcap.cutPacket");
        }
    }

    private boolean atEnd() throws IOException {
        int first = ahead.read();
        if (first < 0) {
            return true;
        }
        ahead.unread(first);
        return false;
    }

    private void readPcapHeader(int magic) throws IOException {
        if (magic == PCAP_MICROS || magic == PCAP_NANOS) {
            swapped = false;
        } else if (Integer.reverseBytes(magic) == PCAP_MICROS || Integer.reverseBytes(magic) == PCAP_NANOS) {
            swapped = true;
            magic = Integer.reverseBytes(magic);
        } else {
            throw damaged("pcap.notPcap", String.format("%08x", magic));
        }
        nanos = magic == PCAP_NANOS;
        in.skipNBytes(2 + 2 + 4 + 4 + 4); // version, zone, sigfigs, snaplen
        pcapLinkType = int32() & 0x0fffffff; // upper bits may carry FCS information
    }

    private Frame nextRecord() throws IOException {
        long seconds = int32() & 0xffffffffL;
        long fraction = int32() & 0xffffffffL;
        int included = int32();
        int original = int32();
        byte[] data = bytes(included);
        Instant t = Instant.ofEpochSecond(seconds, nanos ? fraction : fraction * 1000);
        return new Frame(pcapLinkType, t, data, original);
    }

    /** The section header's body; the block type was read already. */
    private void readSection() throws IOException {
        byte[] lengthBytes = new byte[4];
        in.readFully(lengthBytes);
        int order = in.readInt();
        if (order == BYTE_ORDER_MAGIC) {
            swapped = false;
        } else if (Integer.reverseBytes(order) == BYTE_ORDER_MAGIC) {
            swapped = true;
        } else {
            throw damaged("pcap.byteOrder");
        }
        int length = fix(java.nio.ByteBuffer.wrap(lengthBytes).getInt());
        checkLength(length, 16);
        in.skipNBytes(length - 12); // rest of the body and the trailing length
        interfaces.clear();
        resolutions.clear();
    }

    private Frame nextBlock() throws IOException {
        while (true) {
            if (atEnd()) {
                return null; // after the last block (dumpcap ends with a statistics block)
            }
            int type = in.readInt();
            if (type == PCAPNG_SECTION) {
                readSection();
                continue;
            }
            type = fix(type);
            int length = int32();
            checkLength(length, 12);
            byte[] body = bytes(length - 12);
            in.skipNBytes(4);
            Block b = new Block(body);
            switch (type) {
                case 1 -> addInterface(b);
                case 6 -> {
                    return enhancedPacket(b);
                }
                case 3 -> {
                    return simplePacket(b);
                }
                default -> {
                    // name resolution, statistics, custom blocks: nothing we need
                }
            }
        }
    }

    private void addInterface(Block b) {
        int linkType = b.u16(0);
        long perSecond = 1_000_000;
        int at = 8;
        while (at + 4 <= b.body.length) {
            int code = b.u16(at);
            int len = b.u16(at + 2);
            if (code == 0) {
                break;
            }
            if (code == 9 && len >= 1) { // if_tsresol
                int r = b.body[at + 4] & 0xff;
                perSecond = (r & 0x80) == 0 ? (long) Math.pow(10, r & 0x7f) : 1L << (r & 0x7f);
            }
            at += 4 + ((len + 3) & ~3);
        }
        interfaces.add(new int[] {linkType});
        resolutions.add(perSecond);
    }

    private Frame enhancedPacket(Block b) throws IOException {
        int iface = b.i32(0);
        if (iface < 0 || iface >= interfaces.size()) {
            throw damaged("pcap.unknownInterface", iface);
        }
        long ticks = ((b.i32(4) & 0xffffffffL) << 32) | (b.i32(8) & 0xffffffffL);
        int captured = b.i32(12);
        int original = b.i32(16);
        return new Frame(interfaces.get(iface)[0], instant(ticks, resolutions.get(iface)), b.slice(20, captured),
                original);
    }

    private Frame simplePacket(Block b) throws IOException {
        if (interfaces.isEmpty()) {
            throw damaged("pcap.simpleBeforeInterface");
        }
        int original = b.i32(0);
        int captured = Math.min(original, b.body.length - 4);
        return new Frame(interfaces.get(0)[0], Instant.now(), b.slice(4, captured), original);
    }

    private static Instant instant(long ticks, long perSecond) {
        long seconds = ticks / perSecond;
        long rest = ticks % perSecond;
        return Instant.ofEpochSecond(seconds, rest * 1_000_000_000L / perSecond);
    }

    private static void checkLength(int length, int min) throws IOException {
        if (length < min || length > MAX_BLOCK) {
            throw damaged("pcap.damagedBlock", length);
        }
    }

    private int int32() throws IOException {
        return fix(in.readInt());
    }

    private int fix(int v) {
        return swapped ? Integer.reverseBytes(v) : v;
    }

    private byte[] bytes(int n) throws IOException {
        if (n < 0 || n > MAX_BLOCK) {
            throw damaged("pcap.damagedFrame", n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /** A pcapng block body, read in the section's byte order. */
    private final class Block {
        final byte[] body;

        Block(byte[] body) {
            this.body = body;
        }

        int u16(int at) {
            int v = ((body[at] & 0xff) << 8) | (body[at + 1] & 0xff);
            return swapped ? Integer.reverseBytes(v) >>> 16 : v;
        }

        int i32(int at) throws IOException {
            if (at + 4 > body.length) {
                throw damaged("pcap.damagedPcapng");
            }
            return fix(java.nio.ByteBuffer.wrap(body, at, 4).getInt());
        }

        byte[] slice(int from, int length) throws IOException {
            if (length < 0 || from + length > body.length) {
                throw damaged("pcap.damagedPacketBlock");
            }
            return java.util.Arrays.copyOfRange(body, from, from + length);
        }
    }

    /** A stream that is not (or no longer) a capture, in words of the errors bundle. */
    private static FtpException damaged(String key, Object... args) {
        return new FtpException(UserMessage.of(key, args));
    }
}
