package io.portside.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.diagnose.diagram.DiagramElement;
import io.portside.diagnose.diagram.DiagramElement.Arrow;
import io.portside.diagnose.diagram.SequenceDiagramModel;
import io.portside.ftp.DataMode;
import io.portside.ftp.EventRecorder;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpSession;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.ReplyReceived;
import io.portside.ftp.event.ProtocolEvent.TcpClosed;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The diagram view fed live from a real passive session; clicks and selection map rows to log events. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class DiagramViewTest {
    private final SequenceDiagramModel model = SequenceDiagramModel.all(java.util.Locale.ROOT);
    private DiagramView view;

    @Start
    void start(Stage stage) {
        view = new DiagramView(model);
        stage.setScene(new Scene(view, 800, 600));
        stage.show();
    }

    private List<ProtocolEvent> runSession(Path root) throws Exception {
        Files.writeString(root.resolve("hello.txt"), "hello world");
        ProtocolEventBus bus = new ProtocolEventBus();
        ProtocolEventBus.Subscription live = bus.subscribe(model::accept);
        try (SandboxServer srv = SandboxServer.start(root); EventRecorder rec = new EventRecorder(bus)) {
            try (FtpSession s = FtpSession.open(Site.ftp(srv.host(), srv.port(), srv.user(), srv.password()),
                    SessionOptions.defaults().withMode(DataMode.PASSIVE, ExtendedMode.NEVER), bus, "")) {
                s.list(null);
            }
            rec.await(TcpClosed.class, e -> e.connection().isControl());
            live.close();
            WaitForAsyncUtils.waitForFxEvents();
            return rec.all();
        }
    }

    @Test
    void drawsTheLiveSessionAndMapsClicksToLogEventsAndBack(FxRobot robot, @TempDir Path root) throws Exception {
        List<ProtocolEvent> events = runSession(root);
        List<DiagramElement> rows = model.elements();
        assertTrue(rows.size() > 15, rows::toString);
        double pauses = 0; // a pause of 200 ms or more on the wire leaves space (see DiagramView.pause)
        for (int i = 1; i < rows.size(); i++) {
            pauses += DiagramView.pause(rows.get(i - 1), rows.get(i));
        }
        assertEquals(DiagramView.HEADER + rows.size() * DiagramView.ROW + pauses + 10, view.canvas().getHeight(), 0.01,
                "the canvas grew with the session");

        // a log line selected -> its row highlighted
        ReplyReceived reply227 = (ReplyReceived) events.stream()
                .filter(e -> e instanceof ReplyReceived r && r.code() == 227).findFirst().orElseThrow();
        robot.interact(() -> assertTrue(view.select(reply227)));
        Arrow arrow = (Arrow) view.selected();
        assertSame(reply227, arrow.source());
        assertTrue(arrow.decoded().matches("127\\.0\\.0\\.1:\\d+ \\(\\d+\\*256\\+\\d+ = \\d+\\)"), arrow.decoded());

        // a click on a row -> the handler gets it (and with it the log line's event)
        AtomicReference<DiagramElement> clicked = new AtomicReference<>();
        view.setOnSelect(clicked::set);
        DiagramElement first = rows.get(0);
        robot.interact(() -> view.setVvalue(0));
        Point2D p = view.canvas().localToScreen(200, view.rowCenter(first));
        robot.clickOn(p);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(first, clicked.get());
        assertSame(first, view.selected());
        assertTrue(first.source() instanceof ProtocolEvent.TcpConnecting, first.toString());
    }

    @Test
    void exportsPngAndScreenshot(FxRobot robot, @TempDir Path root) throws Exception {
        runSession(root);
        List<Path> written = new ArrayList<>();
        Path out = root.resolve("diagram.png");
        // like ScreenshotsTest: target/screenshots unless -Dportside.screenshots=screenshots
        Path shot = Path.of(System.getProperty("portside.screenshots", "target/screenshots"), "handshake-diagram.png");
        Files.createDirectories(shot.getParent());
        robot.interact(() -> {
            try {
                view.exportPng(out);
                view.exportPng(shot);
                written.add(out);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        byte[] png = Files.readAllBytes(written.get(0));
        assertTrue(png.length > 1000);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(out.toFile());
        assertEquals((int) DiagramView.WIDTH, img.getWidth());
        assertEquals((int) view.canvas().getHeight(), img.getHeight());
    }

    /** Retransmitted SYNs (a firewall dropping them) stand apart by their timeouts, with the pause written; RST in red. */
    @Test
    void retransmissionsAreSpacedInTime(FxRobot robot) throws Exception {
        io.portside.ftp.event.ConnectionId id = io.portside.ftp.event.ConnectionId.control("", 1).dataConnection(1);
        java.time.Instant t0 = java.time.Instant.parse("2026-12-03T17:00:00Z");
        java.net.InetSocketAddress us = new java.net.InetSocketAddress("127.0.0.1", 40000);
        java.net.InetSocketAddress them = new java.net.InetSocketAddress("127.0.0.1", 2121);
        List<ProtocolEvent.PacketSeen> sent = new ArrayList<>();
        long[] after = {0, 1000, 3000, 3001};
        for (int i = 0; i < after.length; i++) {
            boolean rst = i == after.length - 1;
            java.time.Instant t = t0.plusMillis(after[i]);
            io.portside.ftp.event.TcpPacket p = rst
                    ? new io.portside.ftp.event.TcpPacket(t, them, us, 0, 1001, io.portside.ftp.event.TcpPacket.RST
                            | io.portside.ftp.event.TcpPacket.ACK, 0, -1, -1, false, 0)
                    : new io.portside.ftp.event.TcpPacket(t, us, them, 1000, 0, io.portside.ftp.event.TcpPacket.SYN,
                            65495, 65495, 7, true, 0);
            ProtocolEvent.PacketSeen e = new ProtocolEvent.PacketSeen(t, id, p, !rst,
                    java.time.Duration.ofMillis(after[i]), rst ? ProtocolEvent.PacketSeen.Meaning.REFUSED
                    : i == 0 ? ProtocolEvent.PacketSeen.Meaning.NORMAL : ProtocolEvent.PacketSeen.Meaning.RETRANSMISSION, i);
            sent.add(e);
            model.accept(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        List<DiagramElement> rows = view.rows();
        assertEquals(4, rows.size(), rows::toString);
        assertEquals("SYN seq 1000 (retransmission 1)", ((Arrow) rows.get(1)).label());
        assertEquals("RST-ACK seq 0 ack 1001 (refused)", ((Arrow) rows.get(3)).label());
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            y[i] = view.rowCenter(rows.get(i));
        }
        assertTrue(y[1] - y[0] > DiagramView.ROW * 1.5, "1 s later: space " + (y[1] - y[0]));
        assertTrue(y[2] - y[1] > y[1] - y[0], "2 s more: more space " + (y[2] - y[1]));
        assertEquals(DiagramView.ROW, y[3] - y[2], 0.01, "the RST right after: no space");
        assertSame(rows.get(1), view.elementAt(y[1]), "a click in the spaced row finds it");
        assertSame(null, view.elementAt(y[1] - DiagramView.ROW), "the pause itself is no row");
        assertTrue(io.portside.diagnose.diagram.AsciiDiagram.render(model).contains("(retransmission 2)"));
    }
}
