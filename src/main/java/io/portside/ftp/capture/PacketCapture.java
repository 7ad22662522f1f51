package io.portside.ftp.capture;

import io.portside.ftp.UserMessage;
import io.portside.ftp.capture.CaptureUnavailableException.Reason;
import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.Notice;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.event.TcpPacket;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Captures the packets between this machine and one server with the system's capture program,
 * and publishes those of our own connections on the event bus as {@link ProtocolEvent.PacketSeen}
 * lines (and, optionally, into a pcap file). Start it before the control connection opens;
 * close it after the session.
 */
public final class PacketCapture implements AutoCloseable {
    /** Time for the last ACK of a close to come through the capture program before it is stopped. */
    private static final long LAST_PACKETS_MILLIS = 200;
    static final ConnectionId NO_CONNECTION = ConnectionId.control("", 0);

    private final ProtocolEventBus bus;
    private final PacketMatcher matcher;
    private final ProtocolEventBus.Subscription subscription;
    private final PcapFileWriter file;
    private CaptureProcess process;
    private Thread reader;

    private PacketCapture(ProtocolEventBus bus, PcapFileWriter file) {
        this.bus = bus;
        this.file = file;
        this.matcher = new PacketMatcher(bus::publish, this::write);
        // Subscribed before the program starts, so every socket of the session is known to the matcher.
        this.subscription = bus.subscribe(matcher::socketEvent);
    }

    /**
     * Starts capturing traffic with {@code server} and waits until the program listens.
     *
     * @param captureFile where to write our connections' packets as pcap, or null
     */
    public static PacketCapture start(List<InetAddress> server, ProtocolEventBus bus, Path captureFile)
            throws CaptureUnavailableException, IOException {
        List<CaptureTool> tools = CaptureTool.find(System.getenv("PATH"));
        if (tools.isEmpty()) {
            throw new CaptureUnavailableException(Reason.NO_TOOL, CaptureTool.searchPath(System.getenv("PATH"))
                    .stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        String filter = filter(server);
        String iface = CaptureTool.interfaceFor(server.stream().allMatch(InetAddress::isLoopbackAddress));
        PcapFileWriter file = captureFile == null ? null : new PcapFileWriter(captureFile);
        PacketCapture capture = new PacketCapture(bus, file);
        CaptureUnavailableException failure = null;
        for (CaptureTool tool : tools) {
            try {
                capture.run(CaptureProcess.start(tool, filter, iface));
                capture.notice(Notice.Severity.INFO, "capture.started", server.stream().map(InetAddress::getHostAddress)
                        .collect(Collectors.joining(", ")), tool.name() + (iface == null ? "" : " -i " + iface), filter);
                return capture;
            } catch (CaptureUnavailableException e) {
                // A permission problem says more than a later tool's failure: keep the most telling one.
                if (failure == null || e.reason().compareTo(failure.reason()) < 0
                        || failure.reason() == Reason.FAILED) {
                    failure = e;
                }
            }
        }
        capture.subscription.close();
        if (file != null) {
            file.close();
        }
        throw failure;
    }

    /** The BPF filter: TCP to and from the server's addresses (ours are matched by port as they appear). */
    static String filter(List<InetAddress> server) {
        return "tcp and (" + server.stream().map(a -> "host " + a.getHostAddress().replaceAll("%.*", ""))
                .collect(Collectors.joining(" or ")) + ")";
    }

    private void run(CaptureProcess p) {
        process = p;
        reader = new Thread(this::read, "portside-capture");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            PcapStreamReader in = new PcapStreamReader(process.packets());
            for (Frame f; (f = in.next()) != null; ) {
                TcpPacket p = FrameDecoder.decode(f);
                if (p != null) {
                    matcher.packet(p, f);
                }
            }
        } catch (IOException e) {
            if (!(e instanceof java.io.EOFException)) {
                notice(Notice.Severity.WARNING, "capture.stoppedReading", UserMessage.of(e));
            }
        }
    }

    private void write(Frame f) {
        if (file == null) {
            return;
        }
        try {
            file.write(f);
        } catch (IOException e) {
            notice(Notice.Severity.WARNING, "capture.cannotWrite", file.path(), UserMessage.of(e));
        }
    }

    private void notice(Notice.Severity severity, String key, Object... args) {
        bus.publish(new Notice(Instant.now(), NO_CONNECTION, severity, key, List.of(args)));
    }

    /** Stops capturing once the last packets are through; reports the counted segments and the file. */
    @Override
    public void close() {
        try {
            Thread.sleep(LAST_PACKETS_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscription.close(); // the sockets' last events are in the matcher now
        process.stop();
        try {
            reader.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.close();
        matcher.finish(Instant.now());
        String written = "";
        if (file != null) {
            try {
                file.close();
                written = " (written to " + file.path() + ")";
            } catch (IOException e) {
                written = " (the capture file " + file.path() + " could not be written: " + e.getMessage() + ")";
            }
        }
        notice(Notice.Severity.INFO, "capture.stopped", matcher.matched(), written);
    }
}
