package io.portside.diagnose.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.diagnose.diagram.DiagramElement.Arrow;
import io.portside.diagnose.diagram.DiagramElement.Arrow.Kind;
import io.portside.ftp.DataMode;
import io.portside.ftp.EventRecorder;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpSession;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.capture.CaptureMode;
import io.portside.ftp.capture.PacketCaptures;
import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.interop.InteropServers;
import io.portside.server.SandboxServer;
import io.portside.testing.TcpdumpWitness;
import io.portside.testing.TcpdumpWitness.WirePacket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The diagram's rows from a real capture: a session with the embedded server, captured, while
 * an independent tcpdump writes a pcap file of its own. The model's packet rows replace the
 * rows inferred from socket events and carry the numbers tcpdump read from that file.
 */
@Timeout(60)
class CapturedDiagramTest {
    @TempDir Path root;
    @TempDir Path captures;

    @ParameterizedTest
    @EnumSource(value = DataMode.class)
    void packetRowsAreTheCapturedHandshakesInTimeOrder(DataMode mode) throws Exception {
        TcpdumpWitness.tcpdump();
        Assumptions.assumeTrue(InteropServers.isRoot() || InteropServers.inCi(), "capture needs root");
        Files.writeString(root.resolve("hello.txt"), "hello world");
        ProtocolEventBus bus = new ProtocolEventBus();
        List<ProtocolEvent> events;
        List<WirePacket> wire;
        ConnectionId control;
        try (SandboxServer srv = SandboxServer.start(root); EventRecorder rec = new EventRecorder(bus);
             TcpdumpWitness witness = TcpdumpWitness.start("tcp and host 127.0.0.1",
                     captures.resolve("witness.pcap"))) {
            try (PacketCaptures capture = new PacketCaptures(CaptureMode.ON, null, bus)) {
                capture.beforeConnect(srv.host());
                try (FtpSession s = FtpSession.open(Site.ftp(srv.host(), srv.port(), srv.user(), srv.password()),
                        SessionOptions.defaults().withMode(mode, ExtendedMode.NEVER), bus, "t")) {
                    control = s.connectionId();
                    assertEquals(1, s.list(null).size());
                }
            }
            rec.await(ProtocolEvent.Notice.class, n -> n.key().equals("capture.stopped"));
            events = rec.all();
            wire = witness.stop();
        }
        SequenceDiagramModel model = SequenceDiagramModel.ofSession(control, java.util.Locale.ROOT);
        events.forEach(model::accept);

        assertEquals("captured", model.tcpRowsSource());
        assertTrue(model.packetsCaptured());
        List<Arrow> arrows = model.elements().stream().filter(Arrow.class::isInstance).map(Arrow.class::cast).toList();
        assertTrue(arrows.stream().noneMatch(a -> a.kind() == Kind.CONNECT || a.kind() == Kind.ESTABLISHED
                || a.kind() == Kind.CLOSE), "captured packets replace the inferred rows: " + arrows);
        for (ConnectionId c : List.of(control, control.dataConnection(1))) {
            List<Arrow> packets = arrows.stream().filter(a -> a.connection().equals(c) && a.kind() == Kind.PACKET)
                    .toList();
            assertTrue(packets.size() >= 5, c + ": handshake and close " + packets);
            Arrow syn = packets.get(0);
            // Passive and control: we open; active: the server opens the data connection to us.
            Side opener = c.isControl() || mode == DataMode.PASSIVE ? Side.CLIENT : Side.SERVER;
            assertEquals(List.of(opener, opener.other(), opener), packets.subList(0, 3).stream().map(Arrow::from)
                    .toList(), c.toString());
            WirePacket wireSyn = wire.stream().filter(w -> w.flags().equals("SYN") && (opener == Side.CLIENT
                    ? w.sourcePort() == syn.clientPort() && w.destinationPort() == syn.serverPort()
                    : w.sourcePort() == syn.serverPort() && w.destinationPort() == syn.clientPort()))
                    .findFirst().orElseThrow(() -> new AssertionError("tcpdump saw no SYN of " + syn + " in " + wire));
            WirePacket wireSynAck = wire.stream().filter(w -> w.flags().equals("SYN-ACK")
                    && w.destinationPort() == wireSyn.sourcePort() && w.sourcePort() == wireSyn.destinationPort())
                    .findFirst().orElseThrow();
            assertEquals("SYN seq " + wireSyn.seq(), syn.label());
            assertEquals("SYN-ACK seq " + wireSynAck.seq() + " ack " + (wireSyn.seq() + 1), packets.get(1).label());
            assertEquals("ACK seq " + (wireSyn.seq() + 1) + " ack " + (wireSynAck.seq() + 1), packets.get(2).label());
            assertTrue(packets.stream().anyMatch(a -> a.label().startsWith("FIN-ACK")), "the close " + packets);
        }
        List<DiagramElement> rows = model.elements();
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i) instanceof Arrow a && a.kind() == Kind.PACKET) {
                assertTrue(!a.source().time().isBefore(rows.get(i - 1).source().time()), "in time order: " + rows);
            }
        }
        String ascii = AsciiDiagram.render(model);
        System.out.println(ascii);
        assertTrue(ascii.lines().findFirst().orElseThrow().endsWith("(TCP: captured)"), ascii);
        assertTrue(ascii.contains("|---- SYN seq "), ascii);
        assertTrue(ascii.contains("|<--- SYN-ACK seq "), ascii);
    }

    @Test
    void withoutACaptureTheRowsSayTheyAreInferred() {
        SequenceDiagramModel model = SequenceDiagramModel.all(java.util.Locale.ROOT);
        assertEquals("inferred from socket events", model.tcpRowsSource());
        assertTrue(AsciiDiagram.render(model).lines().findFirst().orElseThrow()
                .endsWith("(TCP: inferred from socket events)"));
    }
}
