package io.portside.diagnose.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.diagnose.diagram.DiagramElement.Arrow;
import io.portside.diagnose.diagram.DiagramElement.Arrow.Kind;
import io.portside.diagnose.diagram.DiagramElement.Band;
import io.portside.diagnose.diagram.DiagramElement.Note;
import io.portside.ftp.DataMode;
import io.portside.ftp.EventRecorder;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpSession;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.CommandSent;
import io.portside.ftp.event.ProtocolEvent.EndpointDecoded;
import io.portside.ftp.event.ProtocolEvent.ReplyReceived;
import io.portside.ftp.event.ProtocolEvent.TcpClosed;
import io.portside.ftp.event.ProtocolEvent.TcpEstablished;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The diagram's model against event streams recorded from real sessions with the embedded server. */
@Timeout(30)
class SequenceDiagramModelTest {
    private static final Pattern SIX = Pattern.compile("(\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)");

    @TempDir Path root;

    /** A recorded session: log in, list once in {@code mode}, quit. */
    record Recorded(List<ProtocolEvent> events, int serverPort) {
    }

    Recorded record(DataMode mode) throws Exception {
        Files.writeString(root.resolve("hello.txt"), "hello world");
        ProtocolEventBus bus = new ProtocolEventBus();
        try (SandboxServer srv = SandboxServer.start(root); EventRecorder rec = new EventRecorder(bus)) {
            try (FtpSession s = FtpSession.open(Site.ftp(srv.host(), srv.port(), srv.user(), srv.password()),
                    SessionOptions.defaults().withMode(mode, ExtendedMode.NEVER), bus, "t")) {
                assertEquals(1, s.list(null).size());
            }
            rec.await(TcpClosed.class, e -> e.connection().isControl());
            return new Recorded(rec.all(), srv.port());
        }
    }

    static SequenceDiagramModel modelOf(List<ProtocolEvent> events) {
        return modelOf(events, java.util.Locale.ROOT);
    }

    static SequenceDiagramModel modelOf(List<ProtocolEvent> events, java.util.Locale locale) {
        SequenceDiagramModel m = SequenceDiagramModel.all(locale);
        events.forEach(m::accept);
        return m;
    }

    /** The port that PASV/PORT text names, decoded here independently of the layer: hi*256+lo. */
    static int[] sixNumbers(String text) {
        Matcher m = SIX.matcher(text);
        assertTrue(m.find(), text);
        int hi = Integer.parseInt(m.group(5));
        int lo = Integer.parseInt(m.group(6));
        return new int[] {hi, lo, hi * 256 + lo};
    }

    static <T> T only(List<?> list, Class<T> type, java.util.function.Predicate<T> p) {
        List<T> found = list.stream().filter(type::isInstance).map(type::cast).filter(p).toList();
        assertEquals(1, found.size(), () -> "expected one " + type.getSimpleName() + " in " + list);
        return found.get(0);
    }

    @Test
    void passiveSessionDrawsControlAndDataConnectionsWithTheirRealPorts() throws Exception {
        Recorded r = record(DataMode.PASSIVE);
        SequenceDiagramModel model = modelOf(r.events());
        String raw227 = only(r.events(), ReplyReceived.class, e -> e.code() == 227).lines().get(0);
        int[] pasv = sixNumbers(raw227);
        TcpEstablished ctl = only(r.events(), TcpEstablished.class, e -> e.connection().isControl());

        assertEquals(List.of("client 127.0.0.1", "server 127.0.0.1"),
                List.of(model.laneTitle(Side.CLIENT), model.laneTitle(Side.SERVER)), "both lanes, with their addresses");
        List<DiagramConnection> conns = model.connections();
        assertEquals(2, conns.size(), conns::toString);
        DiagramConnection control = conns.get(0);
        assertTrue(control.control());
        assertEquals(r.serverPort(), control.serverPort());
        assertEquals(ctl.local().getPort(), control.clientPort());
        DiagramConnection data = conns.get(1);
        assertEquals(Side.CLIENT, data.opener(), "passive: the client connects");
        assertEquals(pasv[2], data.serverPort(), "the port the 227 named");
        assertNotEquals(control.clientPort(), data.clientPort());
        assertEquals(DiagramConnection.State.CLOSED, data.state());
        assertTrue(data.bytes() > 0);

        List<DiagramElement> el = model.elements();
        Arrow reply227 = only(el, Arrow.class, a -> a.label().startsWith("227"));
        assertEquals(Side.SERVER, reply227.from());
        assertEquals("127.0.0.1:" + pasv[2] + " (" + pasv[0] + "*256+" + pasv[1] + " = " + pasv[2] + ")",
                reply227.decoded());
        assertEquals(r.serverPort(), reply227.serverPort());
        Arrow connect = only(el, Arrow.class, a -> a.kind() == Kind.CONNECT && !a.connection().isControl());
        assertEquals(Side.CLIENT, connect.from());
        assertEquals(pasv[2], connect.serverPort());
        assertEquals(data.clientPort(), connect.clientPort());
        Band band = only(el, Band.class, b -> true);
        assertEquals(Side.SERVER, band.from(), "a listing flows from the server");
        TcpClosed dataClosed = only(r.events(), TcpClosed.class, e -> !e.connection().isControl());
        assertEquals(dataClosed.bytesReceived(), band.bytes());
        Arrow list = only(el, Arrow.class, a -> a.kind() == Kind.COMMAND
                && (a.label().startsWith("LIST") || a.label().startsWith("MLSD")));
        assertTrue(el.indexOf(reply227) < el.indexOf(connect) && el.indexOf(list) < el.indexOf(band),
                "rows in the order things happened");
        assertFalse(el.stream().anyMatch(e -> e instanceof Arrow a && a.label().contains(r.toString())));

        // each row maps back to its log line's event, and that event to the row
        EndpointDecoded decodedEvent = only(r.events(), EndpointDecoded.class, e -> true);
        assertSame(reply227, model.elementFor(decodedEvent).orElseThrow());
        assertSame(reply227.source(), only(r.events(), ReplyReceived.class, e -> e.code() == 227));
        CommandSent pass = only(r.events(), CommandSent.class, c -> c.verb().equals("PASS"));
        assertEquals("PASS ********", ((Arrow) model.elementFor(pass).orElseThrow()).label());
        Arrow closeCtl = only(el, Arrow.class, a -> a.kind() == Kind.CLOSE && a.connection().isControl());
        assertNotNull(closeCtl);
    }

    @Test
    void activeSessionDrawsTheServerConnectingToThePortWeAdvertised() throws Exception {
        Recorded r = record(DataMode.ACTIVE);
        SequenceDiagramModel model = modelOf(r.events());
        String portCommand = only(r.events(), CommandSent.class, c -> c.verb().equals("PORT")).command();
        int[] port = sixNumbers(portCommand);

        DiagramConnection data = model.connections().get(1);
        assertEquals(Side.SERVER, data.opener(), "active: the server connects to us");
        assertEquals(port[2], data.clientPort(), "the port the PORT command named");
        assertTrue(data.serverPort() > 0);
        assertEquals(DiagramConnection.State.CLOSED, data.state());

        List<DiagramElement> el = model.elements();
        Arrow portArrow = only(el, Arrow.class, a -> a.kind() == Kind.COMMAND && a.label().startsWith("PORT "));
        assertEquals(Side.CLIENT, portArrow.from());
        assertEquals("127.0.0.1:" + port[2] + " (" + port[0] + "*256+" + port[1] + " = " + port[2] + ")",
                portArrow.decoded());
        assertTrue(only(el, Note.class, n -> n.text().startsWith("listening on")).text()
                .contains("127.0.0.1:" + port[2]));
        Arrow accepted = only(el, Arrow.class, a -> a.kind() == Kind.ESTABLISHED && !a.connection().isControl());
        assertEquals(Side.SERVER, accepted.from());
        assertEquals(port[2], accepted.clientPort());
        assertEquals(data.serverPort(), accepted.serverPort());
        assertTrue(el.indexOf(portArrow) < el.indexOf(accepted));
        assertEquals(Side.SERVER, only(el, Band.class, b -> true).from());
    }

    @Test
    void sessionFilterKeepsOtherSessionsOut() throws Exception {
        Recorded r = record(DataMode.PASSIVE);
        ProtocolEvent first = r.events().get(0);
        SequenceDiagramModel other = new SequenceDiagramModel(c -> c.session() != first.connection().session(), java.util.Locale.ROOT);
        r.events().forEach(other::accept);
        assertEquals(List.of(), other.elements());
        int[] changes = {0};
        SequenceDiagramModel mine = SequenceDiagramModel.ofSession(first.connection(), java.util.Locale.ROOT);
        mine.addListener(() -> changes[0]++);
        r.events().forEach(mine::accept);
        long pasvDecodes = r.events().stream()
                .filter(e -> e instanceof EndpointDecoded d && !d.endpoint().kind().weListen()).count();
        long bands = mine.elements().stream().filter(e -> e instanceof Band).count();
        assertEquals(mine.elements().size() + pasvDecodes - bands, changes[0],
                "one change per event drawn (a close brings its band and its arrow at once), plus one per decoded"
                        + " endpoint attached to its reply row");
    }
}
