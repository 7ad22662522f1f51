package io.portside.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Captured packets through a real firewall: the client 198.18.1.2 and vsftpd on 198.18.0.2
 * with a router between them whose nftables rules drop, or reject with a TCP reset, every
 * connection to the passive ports. {@code ls --capture on} run in the client's namespace
 * shows the data connection's SYN retransmissions, or the RST that refused it.
 */
class CaptureLabTest {
    @RegisterExtension
    static final NetLab LAB = new NetLab("cap", "routed");
    static final String URL = "ftp://portside:portside-interop@198.18.0.2/";
    static final Pattern SYN = Pattern.compile(
            "(data#1\\.\\d+) +pkt  198\\.18\\.1\\.2:(\\d+) -> 198\\.18\\.0\\.2:(\\d+)  SYN  seq (\\d+)  win \\d+ .*\\+([\\d.]+ m?s)(.*)");

    @BeforeAll
    static void server() throws Exception {
        LAB.server("vsftpd", 21, "40000-40049");
    }

    private static String listWithCapture(String tag) throws Exception {
        Path log = Files.createTempFile("capture-lab-" + tag, ".log");
        try {
            NetLab.Run r = LAB.portside(Duration.ofSeconds(60), "ls", "--capture", "on", "--mode", "passive",
                    "--timeout", "5", "--log", log.toString(), URL);
            String text = Files.readString(log);
            assertEquals(1, r.exit(), "the listing fails: its data connection is blocked\n" + r + "\n" + text);
            return text;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void aDroppedDataConnectionShowsItsSynRetransmissions() throws Exception {
        LAB.firewall("drop-passive");
        String log = listWithCapture("drop");
        List<Matcher> syns = Pattern.compile("\n").splitAsStream(log).map(SYN::matcher).filter(Matcher::find).toList();
        assertTrue(syns.size() >= 2, "the first SYN and at least one retransmission\n" + log);
        Matcher first = syns.get(0);
        assertEquals("", first.group(6).strip(), "the first SYN is no retransmission\n" + log);
        for (int i = 1; i < syns.size(); i++) {
            Matcher again = syns.get(i);
            assertEquals(first.group(2), again.group(2), "the same port\n" + log);
            assertEquals(first.group(4), again.group(4), "a retransmission repeats the sequence number\n" + log);
            assertTrue(again.group(6).contains("SYN sent again (retransmission " + i + "): no SYN-ACK came back"),
                    again.group(0));
        }
        assertTrue(syns.get(1).group(5).endsWith(" s") || syns.get(1).group(5).startsWith("9"),
                "spaced by the retransmission timeout (about 1 s): " + syns.get(1).group(0));
        assertTrue(!log.contains(first.group(1) + "          pkt  198.18.0.2"), "nothing came back\n" + log);
        assertTrue(log.contains("timed out") || log.contains("no answer"), "and the connect's own line says why\n" + log);
    }

    @Test
    void aRejectedDataConnectionShowsTheRst() throws Exception {
        LAB.firewall("reject-passive");
        String log = listWithCapture("reject");
        Matcher syn = SYN.matcher(log);
        assertTrue(syn.find(), log);
        Matcher rst = Pattern.compile(Pattern.quote(syn.group(1)) + " +pkt  198\\.18\\.0\\.2:" + syn.group(3)
                + " -> 198\\.18\\.1\\.2:" + syn.group(2) + "  RST-ACK  seq 0 ack (\\d+) .*refused: nothing listens on port "
                + syn.group(3) + " \\(or a firewall rejects the connection\\)").matcher(log);
        assertTrue(rst.find(), "the reset answers our SYN\n" + log);
        assertEquals(Long.parseLong(syn.group(4)) + 1, Long.parseLong(rst.group(1)), "it acknowledges the SYN\n" + log);
    }
}
