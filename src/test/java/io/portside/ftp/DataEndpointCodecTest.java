package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
        assertTrue(v6.startsWith("|2|"), v6);
        DataEndpoint e = DataEndpointCodec.parseEprtArgument(v6);
        assertEquals(40000, e.port());
        assertTrue(e.host().contains(":"));
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
        "|2|127.0.0.1|21|", "|1||21|", "short", "|1|127.0.0.1|21|extra|", "|1|\u0661\u0662\u0667.0.0.1|21|"})
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
