package io.portside.ftp.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.TcpPacket;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pcap/pcapng reader and the frame decoder on their own, from byte streams built here:
 * every link type a capture tool writes (Ethernet with a VLAN tag, Linux cooked SLL and SLL2,
 * BSD null and loopback), IPv4 and IPv6 (with an extension header), the TCP options that
 * matter (MSS, window scale, SACK permitted, among NOPs and timestamps), both byte orders,
 * micro- and nanosecond times; damaged and cut streams fail with words, never hang.
 */
class PcapStreamReaderTest {
    static final long SEQ = 3141592653L; // above 2^31: read unsigned
    static final long ACK = 2718281829L;
    static final Instant T = Instant.parse("2026-12-03T17:00:00.123456789Z");
    /** MSS 65495, SACK permitted, timestamps, NOP, window scale 7: 20 bytes, as Linux sends them. */
    static final byte[] SYN_OPTIONS = {2, 4, (byte) 0xff, (byte) 0xd7, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7};

    // ---- building frames ----

    static byte[] tcp(int from, int to, int flags, byte[] options, int payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + options.length + payload);
        b.putShort((short) from).putShort((short) to).putInt((int) SEQ).putInt((int) ACK);
        b.put((byte) (((20 + options.length) / 4) << 4)).put((byte) flags).putShort((short) 65483).putShort((short) 0)
                .putShort((short) 0).put(options);
        return b.array();
    }

    static byte[] ipv4(String src, String dst, byte[] segment) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(20 + segment.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + segment.length)).putShort((short) 1)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(InetAddress.getByName(src).getAddress()).put(InetAddress.getByName(dst).getAddress()).put(segment);
        return b.array();
    }

    /** IPv6, optionally behind a hop-by-hop options header (8 bytes). */
    static byte[] ipv6(String src, String dst, byte[] segment, boolean hopByHop) throws IOException {
        int ext = hopByHop ? 8 : 0;
        ByteBuffer b = ByteBuffer.allocate(40 + ext + segment.length);
        b.putInt(0x60000000).putShort((short) (ext + segment.length)).put((byte) (hopByHop ? 0 : 6)).put((byte) 64)
                .put(InetAddress.getByName(src).getAddress()).put(InetAddress.getByName(dst).getAddress());
        if (hopByHop) {
            b.put((byte) 6).put((byte) 0).put(new byte[] {1, 4, 0, 0, 0, 0}); // next: TCP; PadN
        }
        b.put(segment);
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    static boolean v6(byte[] ip) {
        return (ip[0] & 0xf0) == 0x60;
    }

    /** The frame of {@code ip} as the link type carries it. */
    static byte[] link(int linkType, byte[] ip) {
        int etherType = v6(ip) ? 0x86dd : 0x0800;
        return switch (linkType) {
            case 1 -> concat(new byte[] {0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1}, // dst, src MAC
                    new byte[] {(byte) 0x81, 0, 0, 5}, // a VLAN tag
                    new byte[] {(byte) (etherType >> 8), (byte) etherType}, ip);
            case 113 -> concat(ByteBuffer.allocate(16).putShort((short) 4).putShort((short) 772).putShort((short) 6)
                    .put(new byte[8]).putShort((short) etherType).array(), ip);
            case 276 -> concat(ByteBuffer.allocate(20).putShort((short) etherType).putShort((short) 0).putInt(1)
                    .putShort((short) 772).put((byte) 4).put((byte) 6).put(new byte[8]).array(), ip);
            // BSD null: the family in the capturing host's byte order (little-endian here); loop: network order
            case 0 -> concat(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v6(ip) ? 30 : 2).array(), ip);
            case 108 -> concat(ByteBuffer.allocate(4).putInt(v6(ip) ? 24 : 2).array(), ip);
            default -> throw new IllegalArgumentException("link type " + linkType);
        };
    }

    static byte[] pcap(ByteOrder order, boolean nanos, int linkType, List<byte[]> frames) {
        ByteBuffer b = ByteBuffer.allocate(24 + frames.stream().mapToInt(f -> 16 + f.length).sum()).order(order);
        b.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(linkType);
        for (byte[] f : frames) {
            b.putInt((int) T.getEpochSecond()).putInt(nanos ? T.getNano() : T.getNano() / 1000).putInt(f.length)
                    .putInt(f.length).put(f);
        }
        return b.array();
    }

    static byte[] block(ByteOrder order, int type, byte[] body) {
        int padded = (body.length + 3) & ~3;
        return ByteBuffer.allocate(12 + padded).order(order).putInt(type).putInt(12 + padded)
                .put(Arrays.copyOf(body, padded)).putInt(12 + padded).array();
    }

    /** A section, one interface (nanosecond times), a name-resolution block to skip, the packets, a statistics block. */
    static byte[] pcapng(ByteOrder order, int linkType, List<byte[]> frames) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(block(order, 0x0a0d0d0a, ByteBuffer.allocate(16).order(order).putInt(0x1a2b3c4d)
                .putShort((short) 1).putShort((short) 0).putLong(-1).array()));
        o.writeBytes(block(order, 1, ByteBuffer.allocate(20).order(order).putShort((short) linkType).putShort((short) 0)
                .putInt(262144).putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3]).putInt(0)
                .array()));
        o.writeBytes(block(order, 4, new byte[] {0, 0, 0, 0}));
        long ticks = T.getEpochSecond() * 1_000_000_000L + T.getNano();
        for (byte[] f : frames) {
            ByteBuffer epb = ByteBuffer.allocate(20 + f.length).order(order).putInt(0).putInt((int) (ticks >>> 32))
                    .putInt((int) ticks).putInt(f.length).putInt(f.length);
            epb.put(f);
            o.writeBytes(block(order, 6, epb.array()));
        }
        o.writeBytes(block(order, 5, new byte[12]));
        return o.toByteArray();
    }

    static List<Frame> readAll(byte[] stream) throws IOException {
        PcapStreamReader r = new PcapStreamReader(new ByteArrayInputStream(stream));
        List<Frame> out = new ArrayList<>();
        for (Frame f; (f = r.next()) != null; ) {
            out.add(f);
        }
        return out;
    }

    // ---- the fields ----

    static void assertSynAck(TcpPacket p, String src, int srcPort, String dst, int dstPort) throws IOException {
        assertEquals(InetAddress.getByName(src), p.source().getAddress());
        assertEquals(srcPort, p.source().getPort());
        assertEquals(InetAddress.getByName(dst), p.destination().getAddress());
        assertEquals(dstPort, p.destination().getPort());
        assertEquals(SEQ, p.seq());
        assertEquals(ACK, p.ack());
        assertEquals("SYN-ACK", p.flagNames());
        assertEquals(65483, p.window());
        assertEquals(65495, p.mss());
        assertEquals(7, p.windowScale());
        assertTrue(p.sackPermitted());
        assertEquals(0, p.payload());
        assertEquals("mss 65495 sackOK wscale 7", p.optionText());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 113, 276, 0, 108})
    void everyLinkTypeWithIpv4AndIpv6InPcapAndPcapng(int linkType) throws Exception {
        byte[] synAck = tcp(21, 41767, TcpPacket.SYN | TcpPacket.ACK, SYN_OPTIONS, 0);
        byte[] v4 = link(linkType, ipv4("192.0.2.7", "10.0.0.2", synAck));
        byte[] v6 = link(linkType, ipv6("2001:db8::7", "fe80::1", synAck, true));
        List<byte[]> frames = List.of(v4, v6);
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            for (byte[] stream : List.of(pcap(order, false, linkType, frames), pcap(order, true, linkType, frames),
                    pcapng(order, linkType, frames))) {
                List<Frame> read = readAll(stream);
                assertEquals(2, read.size(), "both frames, link type " + linkType + ", " + order);
                for (Frame f : read) {
                    assertEquals(linkType, f.linkType());
                    assertEquals(T.getEpochSecond(), f.time().getEpochSecond());
                    assertTrue(Math.abs(f.time().getNano() - T.getNano()) < 1000, f.time().toString());
                }
                assertArrayEquals(v4, read.get(0).data());
                assertSynAck(FrameDecoder.decode(read.get(0)), "192.0.2.7", 21, "10.0.0.2", 41767);
                assertSynAck(FrameDecoder.decode(read.get(1)), "2001:db8::7", 21, "fe80::1", 41767);
            }
        }
    }

    @Test
    void nanosecondTimesAreKeptToTheNanosecond() throws Exception {
        byte[] f = link(1, ipv4("127.0.0.1", "127.0.0.1", tcp(1, 2, TcpPacket.ACK, new byte[0], 0)));
        assertEquals(T, readAll(pcap(ByteOrder.LITTLE_ENDIAN, true, 1, List.of(f))).get(0).time());
        assertEquals(T, readAll(pcapng(ByteOrder.BIG_ENDIAN, 1, List.of(f))).get(0).time());
        assertEquals(T.minusNanos(789), readAll(pcap(ByteOrder.BIG_ENDIAN, false, 1, List.of(f))).get(0).time());
    }

    @Test
    void dataSegmentsRstAndFinWithoutOptions() throws Exception {
        // the payload comes from the IP length even when the snapshot cut the data off
        byte[] seg = tcp(40000, 2121, TcpPacket.PSH | TcpPacket.ACK, new byte[] {1, 1, 1, 0}, 1000);
        byte[] ip = ipv4("127.0.0.1", "127.0.0.1", seg);
        Frame cut = new Frame(113, T, Arrays.copyOf(link(113, ip), 16 + 20 + 24 + 10), 16 + ip.length);
        TcpPacket p = FrameDecoder.decode(cut);
        assertEquals(1000, p.payload());
        assertEquals("PSH-ACK", p.flagNames());
        assertEquals(-1, p.mss());
        assertEquals(-1, p.windowScale());
        assertFalse(p.sackPermitted());
        assertEquals("", p.optionText());
        TcpPacket rst = FrameDecoder.decode(new Frame(276, T, link(276, ipv6("::1", "::1",
                tcp(2121, 40000, TcpPacket.RST | TcpPacket.ACK, new byte[0], 0), false)), 0));
        assertEquals("RST-ACK", rst.flagNames());
        assertTrue(rst.controlsConnection());
        TcpPacket fin = FrameDecoder.decode(new Frame(0, T, link(0, ipv4("127.0.0.1", "127.0.0.1",
                tcp(2121, 40000, TcpPacket.FIN | TcpPacket.ACK, new byte[0], 0))), 0));
        assertEquals("FIN-ACK", fin.flagNames());
    }

    @Test
    void framesThatAreNotOurTcpAreLeftOut() throws Exception {
        byte[] udp = ipv4("127.0.0.1", "127.0.0.1", tcp(1, 2, 0, new byte[0], 0));
        udp[9] = 17;
        assertNull(FrameDecoder.decode(new Frame(1, T, link(1, udp), 0)), "UDP");
        byte[] arp = concat(new byte[12], new byte[] {0x08, 0x06}, new byte[28]);
        assertNull(FrameDecoder.decode(new Frame(1, T, arp, 0)), "ARP");
        byte[] later = ipv4("127.0.0.1", "127.0.0.1", tcp(1, 2, 0, new byte[0], 0));
        later[7] = 8; // fragment offset 8: no TCP header in it
        assertNull(FrameDecoder.decode(new Frame(1, T, link(1, later), 0)), "a later fragment");
        assertNull(FrameDecoder.decode(new Frame(147, T, later, 0)), "an unknown link type");
        byte[] whole = link(1, ipv4("127.0.0.1", "127.0.0.1", tcp(1, 2, TcpPacket.SYN, SYN_OPTIONS, 0)));
        for (int n = 0; n < 18 + 20 + 20; n++) { // cut anywhere before the end of the TCP header's fixed part
            assertNull(FrameDecoder.decode(new Frame(1, T, Arrays.copyOf(whole, n), 0)), "cut at " + n);
        }
        // cut within the options: the fixed part is read, the options as far as they go
        TcpPacket partial = FrameDecoder.decode(new Frame(1, T, Arrays.copyOf(whole, 18 + 20 + 20 + 4), 0));
        assertEquals(65495, partial.mss());
        assertEquals(-1, partial.windowScale());
    }

    // ---- damaged input: words, not a hang ----

    static IOException failure(byte[] stream) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(IOException.class,
                () -> readAll(stream)));
    }

    @Test
    void damagedAndCutStreamsFailInWords() throws Exception {
        byte[] f = link(1, ipv4("127.0.0.1", "127.0.0.1", tcp(1, 2, TcpPacket.SYN, SYN_OPTIONS, 0)));
        byte[] pcap = pcap(ByteOrder.LITTLE_ENDIAN, false, 1, List.of(f, f));
        byte[] ng = pcapng(ByteOrder.LITTLE_ENDIAN, 1, List.of(f, f));

        assertEquals("the capture stream ended within its file header (no packets; is it a pcap file?)",
                failure(new byte[0]).getMessage());
        assertTrue(failure(Arrays.copyOf(pcap, 10)).getMessage().contains("within its file header"));
        assertTrue(failure("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII)).getMessage()
                .startsWith("not a pcap or pcapng stream (starts with 48545450)"));
        for (int cut : new int[] {24 + 5, 24 + 16 + 10, pcap.length - 1}) {
            assertEquals("the capture stream ends in the middle of a packet (cut short or damaged)",
                    failure(Arrays.copyOf(pcap, cut)).getMessage(), "pcap cut at " + cut);
        }
        assertTrue(failure(Arrays.copyOf(ng, ng.length - 30)).getMessage().contains("in the middle of a packet"));

        byte[] hugeRecord = pcap.clone(); // a record claiming 2 GB
        ByteBuffer.wrap(hugeRecord).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 8, Integer.MAX_VALUE);
        assertTrue(failure(hugeRecord).getMessage().startsWith("damaged capture stream (a frame of 2147483647 bytes)"));
        byte[] badBlock = ng.clone(); // the interface block claims 5 bytes
        ByteBuffer.wrap(badBlock).order(ByteOrder.LITTLE_ENDIAN).putInt(28 + 4, 5);
        assertTrue(failure(badBlock).getMessage().startsWith("damaged capture stream (a block of 5 bytes)"));
        byte[] badOrder = ng.clone();
        ByteBuffer.wrap(badOrder).putInt(8, 0x01020304);
        assertEquals("pcapng section header with an unknown byte order", failure(badOrder).getMessage());
        byte[] noInterface = ng.clone(); // the packet names interface 3, never described
        ByteBuffer.wrap(noInterface).order(ByteOrder.LITTLE_ENDIAN).putInt(28 + 32 + 16 + 8, 3);
        assertTrue(failure(noInterface).getMessage().contains("interface 3 that was never described"));

        // and the whole streams read to their end
        assertEquals(2, readAll(pcap).size());
        assertEquals(2, readAll(ng).size());
    }
}
