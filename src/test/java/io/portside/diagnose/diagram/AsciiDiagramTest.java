package io.portside.diagnose.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.event.ProtocolEvent.CommandSent;
import io.portside.ftp.event.ProtocolEvent.ReplyReceived;
import io.portside.ftp.event.ProtocolEvent.TcpEstablished;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The plain-text export of a diagram recorded from real sessions. */
@Timeout(30)
class AsciiDiagramTest {
    @TempDir Path root;

    private SequenceDiagramModelTest.Recorded record(DataMode mode) throws Exception {
        SequenceDiagramModelTest t = new SequenceDiagramModelTest();
        t.root = root;
        return t.record(mode);
    }

    static List<String> lines(String text) {
        return Arrays.asList(text.split("\n"));
    }

    static String lineWith(String text, String... parts) {
        return lines(text).stream().filter(l -> Arrays.stream(parts).allMatch(l::contains)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + Arrays.toString(parts) + " in\n" + text));
    }

    @Test
    void passiveDiagramShowsLanesPortsAndTheDecodedPasvReply() throws Exception {
        SequenceDiagramModelTest.Recorded r = record(DataMode.PASSIVE);
        String text = AsciiDiagram.render(SequenceDiagramModelTest.modelOf(r.events()));
        System.out.println(text);
        int ctlPort = SequenceDiagramModelTest.only(r.events(), TcpEstablished.class,
                e -> e.connection().isControl()).local().getPort();
        int[] pasv = SequenceDiagramModelTest.sixNumbers(SequenceDiagramModelTest.only(r.events(),
                ReplyReceived.class, e -> e.code() == 227).lines().get(0));

        String header = lines(text).get(0);
        assertTrue(header.contains("client 127.0.0.1") && header.contains("server 127.0.0.1"), header);
        assertTrue(header.indexOf("server") > header.indexOf("client") + 40, header);
        lineWith(text, ":" + ctlPort + " |---- connect (SYN) ---", "--->| :" + r.serverPort(), "ctl#");
        lineWith(text, ":" + ctlPort + " |<--- 227 Entering Passive Mode (127,0,0,1," + pasv[0] + "," + pasv[1] + ")");
        lineWith(text, "|     = 127.0.0.1:" + pasv[2] + " (" + pasv[0] + "*256+" + pasv[1] + " = " + pasv[2] + ")");
        lineWith(text, "|==== connect (SYN), passive ===", "===>| :" + pasv[2], "data#");
        lineWith(text, "|<### ", " B in ", "###| :" + pasv[2]);
        lineWith(text, "|---- PASS ******** ---");
        lineWith(text, "|<. . ".substring(0, 3));
        // every row keeps both lanes in the same columns, so it pastes well
        int left = lines(text).get(1).indexOf('|');
        for (String l : lines(text).subList(1, lines(text).size())) {
            assertEquals('|', l.charAt(left), l);
            assertEquals('|', l.charAt(left + AsciiDiagram.BODY + 1), l);
        }
        assertTrue(text.chars().allMatch(c -> c == '\n' || (c >= 32 && c < 127)), "plain ASCII only");
    }

    @Test
    void activeDiagramShowsTheServerConnectingBackToTheAdvertisedPort() throws Exception {
        SequenceDiagramModelTest.Recorded r = record(DataMode.ACTIVE);
        String text = AsciiDiagram.render(SequenceDiagramModelTest.modelOf(r.events()));
        System.out.println(text);
        int[] port = SequenceDiagramModelTest.sixNumbers(SequenceDiagramModelTest.only(r.events(),
                CommandSent.class, c -> c.verb().equals("PORT")).command());
        lineWith(text, "|---- PORT 127,0,0,1," + port[0] + "," + port[1] + " ");
        lineWith(text, "|     = 127.0.0.1:" + port[2] + " (" + port[0] + "*256+" + port[1] + " = " + port[2] + ")");
        lineWith(text, "! listening on 127.0.0.1:" + port[2]);
        lineWith(text, ":" + port[2] + " |<=== server connects (active), waited", "data#");
    }

    @Test
    void inChineseTheLabelsAreChineseAndTheLanesStayInTheirColumns() throws Exception {
        SequenceDiagramModelTest.Recorded r = record(DataMode.ACTIVE);
        SequenceDiagramModel model = SequenceDiagramModelTest.modelOf(r.events(), java.util.Locale.SIMPLIFIED_CHINESE);
        String text = AsciiDiagram.render(model);
        System.out.println(text);
        String header = lines(text).get(0);
        assertTrue(header.contains("客户端 127.0.0.1") && header.contains("服务器 127.0.0.1")
                && header.contains("(TCP: 由套接字事件推断)"), header);
        lineWith(text, "|---- 连接（SYN） ---");
        lineWith(text, "! 在 127.0.0.1:");
        lineWith(text, "|<=== 服务器连入（主动），等待了");
        lineWith(text, "由客户端关闭（FIN）");
        // a Chinese character takes two columns in a fixed-width font: the right lane stays put
        List<String> rows = lines(text).subList(1, lines(text).size());
        int left = rows.get(0).indexOf('|');
        for (String l : rows) {
            assertEquals('|', l.charAt(left), l);
            String body = l.substring(left + 1);
            assertEquals(AsciiDiagram.BODY, AsciiDiagram.columns(body.substring(0, body.indexOf('|'))), l);
        }
    }
}
