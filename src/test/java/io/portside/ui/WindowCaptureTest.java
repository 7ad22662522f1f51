package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.diagnose.diagram.DiagramElement;
import io.portside.diagnose.diagram.DiagramElement.Arrow;
import io.portside.ftp.capture.CaptureMode;
import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.LogLine;
import io.portside.ftp.event.ProtocolEvent.PacketSeen;
import io.portside.interop.InteropServers;
import io.portside.testing.TcpdumpWitness;
import io.portside.testing.TcpdumpWitness.WirePacket;
import io.portside.ui.diagram.DiagramTab;
import io.portside.ui.diagram.DiagramView;
import io.portside.ui.settings.AppSettings;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The window captures its own connections by default (auto, as root here): the log shows the
 * real SYN / SYN-ACK / ACK of the browse session's control and data connections with the
 * numbers an independent tcpdump saw, the diagram draws those packets (labelled captured),
 * a click on a packet selects its log line and back, a transfer worker's session can be
 * picked, and the tab exports a PNG and a text diagram with the captured numbers.
 */
@Timeout(120)
class WindowCaptureTest extends WindowFixture {
    /** A packet line of the window's log, e.g. {@code browse ctl#1 pkt 127.0.0.1:4 -> 127.0.0.1:21  SYN  seq 1  win 2}. */
    static final Pattern PKT = Pattern.compile("(\\S+) (ctl#\\d+|data#\\d+\\.\\d+) +pkt +[\\d.]+:(\\d+) -> [\\d.]+:(\\d+)"
            + "  (\\S+)  seq (\\d+)(?: ack (\\d+))?  win (\\d+)");

    record Logged(String owner, String connection, int sourcePort, int destinationPort, String flags, long seq,
                  Long ack, int window) {
        boolean sameAs(WirePacket w) {
            return sourcePort == w.sourcePort() && destinationPort == w.destinationPort() && flags.equals(w.flags())
                    && window == w.window() && (w.seq() == null || w.seq() == seq)
                    && java.util.Objects.equals(w.ack(), ack);
        }
    }

    private TcpdumpWitness witness;

    @Override
    String capture() {
        return null; // the window's own default
    }

    @Override
    void prepare() throws Exception {
        TcpdumpWitness.tcpdump();
        if (!InteropServers.isRoot() && !InteropServers.inCi()) {
            Assumptions.abort("capture needs root (tcpdump)");
        }
        Files.writeString(serverRoot.resolve("a.txt"), "hello from the server\n");
        witness = TcpdumpWitness.start("tcp and host 127.0.0.1", tmp.resolve("witness.pcap"));
    }

    static List<Logged> logged(String text) {
        List<Logged> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = PKT.matcher(line);
            if (m.find()) {
                out.add(new Logged(m.group(1), m.group(2), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                        m.group(5), Long.parseLong(m.group(6)), m.group(7) == null ? null : Long.valueOf(m.group(7)),
                        Integer.parseInt(m.group(8))));
            }
        }
        return out;
    }

    static List<Logged> handshake(List<Logged> all, String owner, String connection, String text) {
        List<Logged> of = all.stream().filter(p -> p.owner().equals(owner) && p.connection().equals(connection))
                .toList();
        assertTrue(of.size() >= 3, owner + " " + connection + " has its handshake in\n" + text);
        assertEquals(List.of("SYN", "SYN-ACK", "ACK"), of.subList(0, 3).stream().map(Logged::flags).toList(), text);
        assertEquals(of.get(0).seq() + 1, of.get(1).ack(), "the SYN-ACK acknowledges the SYN\n" + text);
        assertEquals(of.get(1).seq() + 1, of.get(2).ack(), "the ACK acknowledges the SYN-ACK\n" + text);
        return of.subList(0, 3);
    }

    @SuppressWarnings("unchecked")
    private ListView<LogLine> log() {
        return lookup("#protocolLog").queryAs(ListView.class);
    }

    @Test
    void theWindowCapturesItsConnectionsAndTheDiagramDrawsAndExportsThePackets() throws Exception {
        assertEquals(CaptureMode.AUTO, new AppSettings().captureMode(), "auto is the window's default");
        List<WirePacket> wire;
        String text;
        try {
            connectAndWaitForListing();
            waitUntil("the browse session's handshakes are logged", 20, () -> {
                String t = logText();
                return t.contains("capturing the packets of our connections")
                        && logged(t).stream().filter(p -> p.connection().startsWith("data#")).count() >= 3;
            });
            // a download: a transfer worker's session of its own, captured too
            drag(row("#remoteTable", "a.txt"), MouseButton.PRIMARY).dropTo("#localTable");
            waitUntil("downloaded", () -> Files.exists(localRoot.resolve("a.txt")));
            waitUntil("the worker's handshake is logged", 20, () -> logged(logText()).stream()
                    .anyMatch(p -> p.owner().startsWith("w") && p.flags().equals("ACK")
                            && p.connection().startsWith("ctl#")));
            text = logText();
        } finally {
            wire = witness.stop();
        }
        assertEquals("hello from the server\n", Files.readString(localRoot.resolve("a.txt")));
        List<Logged> all = logged(text);
        List<Logged> control = handshake(all, "browse", "ctl#1", text);
        assertEquals(server.port(), control.get(0).destinationPort(), "the SYN goes to the server's port\n" + text);
        String dataId = all.stream().filter(p -> p.owner().equals("browse") && p.connection().startsWith("data#"))
                .findFirst().orElseThrow().connection();
        List<Logged> data = handshake(all, "browse", dataId, text);
        String workerOwner = all.stream().filter(p -> p.owner().startsWith("w")).findFirst().orElseThrow().owner();
        List<Logged> checked = new ArrayList<>(control);
        checked.addAll(data);
        for (Logged p : checked) {
            assertTrue(wire.stream().anyMatch(p::sameAs), "tcpdump saw " + p + "\n" + wire);
        }

        // The diagram tab: the browse session's captured packets
        interact(() -> lookup("#bottomTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        DiagramTab tab = call(() -> window.diagramTab());
        assertNotNull(tab);
        assertEquals("TCP rows: captured packets", call(() -> lookup("#diagramSource").queryLabeled().getText()));
        assertEquals(ConnectionId.control("browse", 1), call(() -> tab.picker().getValue()));
        DiagramView view = call(tab::view);
        Arrow synAck = call(() -> firstPacket(view, "SYN-ACK", "ctl#1"));
        assertEquals("SYN-ACK seq " + control.get(1).seq() + " ack " + control.get(1).ack(), synAck.label());

        // click the SYN-ACK -> its log line
        interact(() -> view.setVvalue(0));
        double y = call(() -> view.rowCenter(synAck));
        clickOn(point(view.canvas()).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(300, y)));
        assertEquals(synAck, call(view::selected));
        LogLine selected = call(() -> log().getSelectionModel().getSelectedItem());
        assertNotNull(selected, "the packet's log line is selected");
        assertTrue(selected.render().contains("SYN-ACK  seq " + control.get(1).seq()), selected.render());

        // a selected log line (the data connection's SYN) -> its packet row
        int synLine = call(() -> {
            for (int i = 0; i < log().getItems().size(); i++) {
                String r = log().getItems().get(i).render();
                if (r.contains("browse " + dataId) && r.contains(" pkt ") && r.contains("  SYN  seq " + data.get(0).seq())) {
                    return i;
                }
            }
            return -1;
        });
        assertTrue(synLine >= 0, text);
        interact(() -> log().getSelectionModel().clearAndSelect(synLine));
        DiagramElement highlighted = call(view::selected);
        assertTrue(highlighted instanceof Arrow a && a.kind() == Arrow.Kind.PACKET
                && a.label().equals("SYN seq " + data.get(0).seq()) && highlighted.source() instanceof PacketSeen,
                String.valueOf(highlighted));

        // export PNG and text through the tab's buttons
        Path png = tmp.resolve("diagram.png");
        Path txt = tmp.resolve("diagram.txt");
        interact(() -> tab.setSaveChooser(name -> name.endsWith(".png") ? png : txt));
        clickOn("#diagramExportPng");
        waitUntil("the PNG is written", () -> Files.isRegularFile(png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "ImageIO reads the PNG");
        assertTrue(image.getWidth() > 0 && image.getHeight() > 100, image.toString());
        clickOn("#diagramExportText");
        waitUntil("the text is written", () -> Files.isRegularFile(txt) && sizeOf(txt) > 0);
        String ascii = Files.readString(txt);
        assertTrue(ascii.lines().findFirst().orElseThrow().endsWith("(TCP: captured)"), ascii);
        assertTrue(ascii.contains("SYN-ACK seq " + control.get(1).seq() + " ack " + control.get(1).ack()), ascii);

        // pick the transfer worker's session: its own captured handshake
        ConnectionId worker = call(() -> tab.picker().getItems().stream().filter(c -> c.owner().equals(workerOwner))
                .findFirst().orElse(null));
        assertNotNull(worker, "the worker's session can be picked: " + call(() -> tab.picker().getItems()));
        interact(() -> tab.picker().setValue(worker));
        DiagramView workerView = call(tab::view);
        assertTrue(workerView != view, "another session's diagram");
        Arrow workerSyn = call(() -> firstPacket(workerView, "SYN", worker.label()));
        Logged loggedSyn = all.stream().filter(p -> p.owner().equals(workerOwner) && p.connection().equals(
                worker.label()) && p.flags().equals("SYN")).findFirst().orElseThrow();
        assertEquals("SYN seq " + loggedSyn.seq(), workerSyn.label());
    }

    /** Connection › Diagnose connection…: each of the doctor's sessions is captured too, and can be picked in the diagram. */
    @Test
    void theDoctorsSessionsAreCapturedAndDrawnWithTheirPackets() throws Exception {
        String text;
        try {
            interact(() -> {
                lookup("#host").queryTextInputControl().setText(server.host());
                lookup("#port").queryTextInputControl().setText(String.valueOf(server.port()));
                lookup("#user").queryTextInputControl().setText(server.user());
                lookup("#password").queryTextInputControl().setText(server.password());
            });
            clickOn("Connection");
            clickOn("Diagnose connection…");
            waitUntil("diagnosis finished", 60, () -> "Done.".equals(call(() -> lookup("#diagnoseProgress")
                    .queryLabeled().getText())));
            clickOn((javafx.scene.Node) call(() -> lookup("#diagnoseDialog").queryAs(javafx.scene.control.DialogPane.class)
                    .lookupButton(javafx.scene.control.ButtonType.CLOSE)));
            // the owner is "diag PASV": the pattern's owner is its last word
            waitUntil("the doctor's PASV handshakes are logged", 20, () -> logged(logText()).stream()
                    .filter(p -> p.owner().equals("PASV") && p.connection().startsWith("data#")).count() >= 3);
            text = logText();
        } finally {
            witness.stop();
        }
        List<Logged> all = logged(text);
        String controlId = all.stream().filter(p -> p.owner().equals("PASV") && p.connection().startsWith("ctl#"))
                .findFirst().orElseThrow().connection(); // the doctor numbers its sessions: login is 1
        List<Logged> control = handshake(all, "PASV", controlId, text);
        assertEquals(server.port(), control.get(0).destinationPort(), text);
        String dataId = all.stream().filter(p -> p.owner().equals("PASV") && p.connection().startsWith("data#"))
                .findFirst().orElseThrow().connection();
        handshake(all, "PASV", dataId, text);

        interact(() -> lookup("#bottomTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        DiagramTab tab = call(() -> window.diagramTab());
        ConnectionId pasv = call(() -> tab.picker().getItems().stream().filter(c -> c.owner().equals("diag PASV"))
                .findFirst().orElse(null));
        assertNotNull(pasv, "the doctor's PASV session can be picked: " + call(() -> tab.picker().getItems()));
        interact(() -> tab.picker().setValue(pasv));
        DiagramView view = call(tab::view);
        assertEquals("SYN-ACK seq " + control.get(1).seq() + " ack " + control.get(1).ack(),
                call(() -> firstPacket(view, "SYN-ACK", controlId)).label());
        assertEquals("TCP rows: captured packets", call(() -> lookup("#diagramSource").queryLabeled().getText()));
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static Arrow firstPacket(DiagramView view, String flags, String connection) {
        return view.rows().stream().filter(e -> e instanceof Arrow a && a.kind() == Arrow.Kind.PACKET
                        && a.connection().label().equals(connection) && a.label().startsWith(flags + " seq"))
                .map(Arrow.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + flags + " of " + connection + " in " + view.rows()));
    }
}
