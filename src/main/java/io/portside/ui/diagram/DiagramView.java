package io.portside.ui.diagram;

import io.portside.diagnose.diagram.DiagramElement;
import io.portside.diagnose.diagram.DiagramElement.Arrow;
import io.portside.diagnose.diagram.DiagramElement.Band;
import io.portside.diagnose.diagram.DiagramElement.Note;
import io.portside.diagnose.diagram.SequenceDiagramModel;
import io.portside.diagnose.diagram.Side;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.Units;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javax.imageio.ImageIO;

/**
 * The live handshake diagram: draws a {@link SequenceDiagramModel} on a canvas, one row per
 * element, and follows the session as it grows (scrolling to the newest row unless the user
 * has scrolled up or selected a row).
 *
 * <p>To plug it in: {@code new DiagramView(model)} in a tab beside the protocol log, with
 * {@code bus.subscribe(model::accept)}; {@link #setOnSelect} to select the log line of a
 * clicked row (its {@link DiagramElement#source()} is that line's event), and {@link #select}
 * when the user selects a log line.
 */
public final class DiagramView extends ScrollPane {
    static final double ROW = 30;
    static final double HEADER = 40;
    static final double LEFT = 70;
    static final double WIDTH = 760;
    private final SequenceDiagramModel model;
    private final Canvas canvas = new Canvas(WIDTH, HEADER);
    private Consumer<DiagramElement> onSelect = e -> { };
    private DiagramElement selected;
    private List<DiagramElement> rows = List.of();
    /** Each row's top on the canvas: a pause on the wire (a retransmission's timeout) leaves space. */
    private double[] tops = new double[0];
    private volatile boolean redrawQueued;

    public DiagramView(SequenceDiagramModel model) {
        this.model = model;
        setContent(canvas);
        setFitToWidth(false);
        canvas.setOnMouseClicked(e -> {
            DiagramElement hit = elementAt(e.getY());
            if (hit != null) {
                selected = hit;
                redraw();
                onSelect.accept(hit);
            }
        });
        model.addListener(this::queueRedraw);
        redraw();
    }

    /** Called with the row the user clicked (to select its log line). */
    public void setOnSelect(Consumer<DiagramElement> handler) {
        this.onSelect = handler == null ? e -> { } : handler;
    }

    /** Highlights the row drawn from {@code event} (a selected log line) and scrolls to it. */
    public boolean select(ProtocolEvent event) {
        DiagramElement e = model.elementFor(event).orElse(null);
        selected = e;
        redraw();
        if (e != null) {
            int i = rows.indexOf(e);
            setVvalue(canvas.getHeight() <= getViewportBounds().getHeight() || i < 0 ? 0
                    : tops[i] / (canvas.getHeight() - getViewportBounds().getHeight()));
        }
        return e != null;
    }

    /** The rows as drawn now, top to bottom. */
    public List<DiagramElement> rows() {
        return rows;
    }

    public DiagramElement selected() {
        return selected;
    }

    /** The row at {@code y} on the canvas, or null. */
    public DiagramElement elementAt(double y) {
        for (int i = 0; i < rows.size(); i++) {
            if (y >= tops[i] && y < tops[i] + ROW) {
                return rows.get(i);
            }
        }
        return null;
    }

    /** The canvas y of the middle of a row, for tests and for scrolling. */
    public double rowCenter(DiagramElement e) {
        int i = rows.indexOf(e);
        return (i < 0 ? HEADER : tops[i]) + ROW / 2;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Writes the whole diagram (not only the visible part) as a PNG. Call on the FX thread. */
    public void exportPng(Path file) throws IOException {
        WritableImage image = canvas.snapshot(null, null);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    private void queueRedraw() {
        if (!redrawQueued) {
            redrawQueued = true;
            Platform.runLater(() -> {
                redrawQueued = false;
                boolean atBottom = getVvalue() >= 0.99 || canvas.getHeight() <= getViewportBounds().getHeight();
                redraw();
                if (atBottom && selected == null) {
                    setVvalue(1.0);
                }
            });
        }
    }

    private void redraw() {
        rows = model.elements();
        tops = new double[rows.size()];
        double top = HEADER;
        for (int i = 0; i < rows.size(); i++) {
            top += i == 0 ? 0 : ROW + pause(rows.get(i - 1), rows.get(i));
            tops[i] = top;
        }
        canvas.setHeight((rows.isEmpty() ? HEADER : top + ROW) + 10);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double cx = LEFT + 40;
        double sx = WIDTH - 110;
        g.setFont(Font.font("System", 13));
        g.setFill(Color.BLACK);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(model.laneTitle(Side.CLIENT), cx, 20);
        g.fillText(model.laneTitle(Side.SERVER), sx, 20);
        g.setFont(Font.font("System", 10));
        g.setFill(Color.DIMGRAY);
        g.fillText("TCP: " + model.tcpRowsSource(), (cx + sx) / 2, 34);
        g.setStroke(Color.GRAY);
        g.setLineWidth(1);
        g.strokeLine(cx, HEADER - 10, cx, canvas.getHeight());
        g.strokeLine(sx, HEADER - 10, sx, canvas.getHeight());
        g.setFont(Font.font("System", 11));
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0 && tops[i] - tops[i - 1] > ROW) {
                g.setFill(Color.GRAY);
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText("... " + Units.duration(java.time.Duration.between(rows.get(i - 1).source().time(),
                        rows.get(i).source().time())) + " later", (cx + sx) / 2, tops[i] - 6);
            }
            drawRow(g, rows.get(i), tops[i], cx, sx);
        }
    }

    /**
     * Extra space before {@code next}: none for the usual sub-second steps, up to three rows for
     * a long silence, so retransmitted SYNs stand apart by their timeouts (1 s, 2 s, 4 s...).
     */
    static double pause(DiagramElement previous, DiagramElement next) {
        long millis = java.time.Duration.between(previous.source().time(), next.source().time()).toMillis();
        return millis < 200 ? 0 : Math.round(ROW * Math.min(3, 0.6 + Math.log10(millis / 200.0)));
    }

    private void drawRow(GraphicsContext g, DiagramElement e, double top, double cx, double sx) {
        if (e == selected) {
            g.setFill(Color.rgb(255, 240, 170));
            g.fillRect(0, top, WIDTH, ROW);
        }
        double y = top + ROW * 0.6;
        boolean data = !e.connection().isControl();
        Color color = data ? Color.rgb(0, 110, 60) : Color.rgb(30, 60, 150);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.GRAY);
        g.fillText(e.connection().label(), 4, y);
        if (e instanceof Arrow a) {
            ports(g, a.clientPort(), a.serverPort(), cx, sx, y);
            boolean failed = a.kind() == Arrow.Kind.FAILED;
            boolean packet = a.kind() == Arrow.Kind.PACKET;
            boolean reset = packet && a.label().contains("RST");
            boolean repeated = packet && a.label().contains("(retransmission");
            g.setStroke(failed || reset ? Color.CRIMSON : repeated ? Color.DARKORANGE : color);
            g.setLineWidth(data ? 2.5 : 1.2);
            g.setLineDashes(a.kind() == Arrow.Kind.CLOSE || repeated ? new double[] {4, 4} : null);
            double from = a.from() == Side.CLIENT ? cx : sx;
            double to = a.from() == Side.CLIENT ? sx : cx;
            double end = failed ? from + (to - from) * 0.7 : to;
            g.strokeLine(from, y, end, y);
            g.setLineDashes(null);
            if (!failed) {
                double d = Math.signum(to - from) * 8;
                g.strokeLine(to, y, to - d, y - 4);
                g.strokeLine(to, y, to - d, y + 4);
            } else {
                g.strokeLine(end - 4, y - 4, end + 4, y + 4);
                g.strokeLine(end - 4, y + 4, end + 4, y - 4);
            }
            label(g, a.label() + (a.decoded() == null ? "" : "   = " + a.decoded()), cx, sx, y - 4,
                    failed || reset ? Color.CRIMSON : Color.BLACK);
        } else if (e instanceof Band b) {
            ports(g, b.clientPort(), b.serverPort(), cx, sx, y);
            g.setFill(Color.rgb(0, 150, 80, 0.25));
            g.fillRect(cx, top + 6, sx - cx, ROW - 12);
            label(g, (b.from() == Side.SERVER ? "<= " : "") + model.bandLabel(b)
                    + (b.from() == Side.CLIENT ? " =>" : ""), cx, sx, y, Color.BLACK);
        } else if (e instanceof Note n) {
            label(g, "! " + n.text(), cx, sx, y, Color.DARKORANGE);
        }
    }

    private static void ports(GraphicsContext g, int clientPort, int serverPort, double cx, double sx, double y) {
        g.setFill(Color.DIMGRAY);
        g.setTextAlign(TextAlignment.RIGHT);
        if (clientPort > 0) {
            g.fillText(":" + clientPort, cx - 4, y);
        }
        g.setTextAlign(TextAlignment.LEFT);
        if (serverPort > 0) {
            g.fillText(":" + serverPort, sx + 4, y);
        }
    }

    private static void label(GraphicsContext g, String text, double cx, double sx, double y, Color color) {
        g.setFill(color);
        g.setTextAlign(TextAlignment.CENTER);
        String t = text.length() > 90 ? text.substring(0, 87) + "..." : text;
        g.fillText(t, (cx + sx) / 2, y, sx - cx - 8);
    }
}
