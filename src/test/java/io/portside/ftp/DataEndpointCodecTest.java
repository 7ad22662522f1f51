package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.AddressText;
import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEvent;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataEndpointCodecTest {

    @Test
    void decodesPasvReplyIntoAddressAndPort() throws Exception {
        DataEndpoint e = DataEndpointCodec.parsePasvReply("227 Entering Passive Mode (192,168,0,1,20,245).");
        assertEquals("192.168.0.1", e.host());
        assertEquals(20 * 256 + 245, e.port());
        assertEquals(20, e.high());
        assertEquals(245, e.low());
        assertEquals(DataEndpoint.Kind.PASV, e.kind());
    }

    @Test
    void decodesPasvReplyWithoutParentheses() throws Exception {
        assertEquals(5365, DataEndpointCodec.parsePasvReply("227 =127,0,0,1,20,245").port());
    }

    @Test
    void decodesPortArgument() throws Exception {
        DataEndpoint e = DataEndpointCodec.parsePortArgument("127,0,0,1,9,39");
        assertEquals("127.0.0.1", e.host());
        assertEquals(2343, e.port());
        assertTrue(e.kind().weListen());
    }

    @Test
    void portRoundTrips() throws Exception {
        InetAddress a = InetAddress.getByName("10.1.2.3");
        String arg = DataEndpointCodec.formatPort(a, 65535);
        assertEquals("10,1,2,3,255,255", arg);
        assertEquals(65535, DataEndpointCodec.parsePortArgument(arg).port());
    }

    @Test
    void decodesEpsvWithAnyDelimiter() throws Exception {
        assertEquals(6446, DataEndpointCodec.parseEpsvReply("229 Entering Extended Passive Mode (|||6446|)").port());
        assertEquals(6446, DataEndpointCodec.parseEpsvReply("229 ok (!!!6446!)").port());
        assertNull(DataEndpointCodec.parseEpsvReply("229 (|||1|)").host());
    }

    @Test
    void eprtRoundTripsForBothFamilies() throws Exception {
        String v4 = DataEndpointCodec.formatEprt(InetAddress.getByName("127.0.0.1"), 2343);
        assertEquals("|1|127.0.0.1|2343|", v4);
        assertEquals(2343, DataEndpointCodec.parseEprtArgument(v4).port());
        String v6 = DataEndpointCodec.formatEprt(InetAddress.getByName("::1"), 40000);
        assertEquals("|2|::1|40000|", v6, "RFC 5952 form: pyftpdlib refuses |2|0:0:0:0:0:0:0:1|");
        DataEndpoint e = DataEndpointCodec.parseEprtArgument(v6);
        assertEquals(40000, e.port());
        assertEquals("::1", e.host());
    }

    @ParameterizedTest
    @CsvSource({
        "0:0:0:0:0:0:0:1, ::1",
        "0:0:0:0:0:0:0:0, ::",
        "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "0:0:1:0:0:0:0:0, 0:0:1::",
        "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
    })
    void eprtCarriesIpv6InRfc5952Form(String literal, String rfc5952) throws Exception {
        InetAddress a = InetAddress.getByName(literal);
        assertEquals("|2|" + rfc5952 + "|2121|", DataEndpointCodec.formatEprt(a, 2121));
        assertEquals(rfc5952, DataEndpointCodec.parseEprtArgument("|2|" + literal + "|2121|").host(),
                "what the log shows of a decoded EPRT is the short form too");
        assertEquals(rfc5952, AddressText.of(a));
        assertEquals("[" + rfc5952 + "]:21", AddressText.of(new InetSocketAddress(a, 21)));
    }

    @Test
    void aZoneIsKeptInTheLogButNeverSentInEprt() throws Exception {
        Inet6Address scoped = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 3);
        assertEquals("fe80::1%3", AddressText.of(scoped));
        assertEquals("|2|fe80::1|21|", DataEndpointCodec.formatEprt(scoped, 21));
        assertEquals("fe80::1", DataEndpointCodec.parseEprtArgument("!2!fe80::1%eth0!21!").host());
    }

    @Test
    void theLogShowsIpv6EndpointsInTheShortForm() throws Exception {
        InetSocketAddress local = new InetSocketAddress(InetAddress.getByName("0:0:0:0:0:0:0:1"), 40001);
        String line = new LogFormatter(Locale.ENGLISH).format(new ProtocolEvent.TcpListening(Instant.now(),
                ConnectionId.control("", 1).dataConnection(1), local)).text();
        assertTrue(line.contains("[::1]:40001"), line);
        assertFalse(line.contains("0:0:0"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "227 Entering Passive Mode (999,1,1,1,1,1)",
        "227 Entering Passive Mode (1,1,1,1,1)",
        "227 Entering Passive Mode (1,1,1,1,256,1)",
        "227 Entering Passive Mode (1,1,1,1,1,99999999999999999999)",
        "227 Entering Passive Mode",
        "227 (a,b,c,d,e,f)",
        ""
    })
    void rejectsMalformedPasvRepliesWithAClearMessage(String reply) {
        FtpProtocolException e = assertThrows(FtpProtocolException.class, () -> DataEndpointCodec.parsePasvReply(reply));
        assertTrue(e.getMessage().startsWith("the 227 (PASV) reply"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"229 (|||x|)", "229 (|||70000|)", "229 (|||0|)", "229 (|||)", "229 (||6446|)",
        "229 (|||6446)", "229 no parens", "229 (||| |)", "229 (|||\u0666\u0664\u0664\u0666|)"})
    void rejectsMalformedEpsvReplies(String reply) {
        FtpProtocolException e = assertThrows(FtpProtocolException.class, () -> DataEndpointCodec.parseEpsvReply(reply));
        assertTrue(e.getMessage().contains("229"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"|||x|", "|1|127.0.0.1|70000|", "|3|127.0.0.1|21|", "|1|300.0.0.1|21|", "|1|127.0.0.1|21",
        "|2|127.0.0.1|21|", "|2|::g|21|", "|2|1:2:3:4:5:6:7:8:9|21|", "|2|.::1|21|", "|2|example.com:1|21|", "|1||21|", "short", "|1|127.0.0.1|21|extra|", "|1|\u0661\u0662\u0667.0.0.1|21|"})
    void rejectsMalformedEprtArguments(String arg) {
        FtpProtocolException e = assertThrows(FtpProtocolException.class, () -> DataEndpointCodec.parseEprtArgument(arg));
        assertTrue(e.getMessage().startsWith("the EPRT"), e.getMessage());
    }

    @Test
    void clipsHostileInputInMessages() {
        String huge = "227 (" + "9".repeat(100_000) + ",1,1,1,1,1)";
        FtpProtocolException e = assertThrows(FtpProtocolException.class, () -> DataEndpointCodec.parsePasvReply(huge));
        assertTrue(e.getMessage().length() < 400, "message length " + e.getMessage().length());
    }
}
