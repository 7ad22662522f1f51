package io.portside.ftp.capture;

import io.portside.ftp.UserMessage;
import io.portside.ftp.event.ProtocolEvent.Notice;
import io.portside.ftp.event.ProtocolEventBus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The capture mode applied to the sessions of one run (the command line) or one connection
 * (the window): before a session to a host connects, {@link #beforeConnect} starts capturing
 * that host's traffic, once. In {@code auto} mode a machine that cannot capture gets one line
 * in the log saying why, and the sessions go on with the sockets' view; in {@code on} mode
 * the session does not start.
 */
public final class PacketCaptures implements AutoCloseable {
    private final CaptureMode mode;
    private final Path captureFile;
    private final ProtocolEventBus bus;
    private final Map<String, PacketCapture> running = new LinkedHashMap<>();
    private boolean fellBack;

    /** @param captureFile the pcap file for the first host's packets, or null */
    public PacketCaptures(CaptureMode mode, Path captureFile, ProtocolEventBus bus) {
        this.mode = mode;
        this.captureFile = captureFile;
        this.bus = bus;
    }

    public CaptureMode mode() {
        return mode;
    }

    /**
     * Makes sure the packets to and from {@code host} are captured, as the mode says.
     *
     * @throws CaptureUnavailableException in {@code on} mode, when capture cannot run
     */
    public synchronized void beforeConnect(String host) throws CaptureUnavailableException {
        if (mode == CaptureMode.OFF || fellBack || running.containsKey(host)) {
            return;
        }
        List<InetAddress> addresses;
        try {
            addresses = Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return; // the session's own lookup fails next and says so
        }
        try {
            Path file = running.isEmpty() ? captureFile : null;
            running.put(host, PacketCapture.start(addresses, bus, file));
        } catch (CaptureUnavailableException e) {
            unavailable(e);
        } catch (IOException e) {
            unavailable(new CaptureUnavailableException(CaptureUnavailableException.Reason.FAILED,
                    UserMessage.of("capture.file", captureFile), UserMessage.of(e)));
        }
    }

    private void unavailable(CaptureUnavailableException e) throws CaptureUnavailableException {
        if (mode == CaptureMode.ON) {
            throw e;
        }
        fellBack = true;
        bus.publish(new Notice(Instant.now(), PacketCapture.NO_CONNECTION, Notice.Severity.INFO,
                "capture.fallback", List.of(e.message(Locale.getDefault()))));
    }

    /** Stops every capture (after the sessions closed, so their closes are in it). */
    @Override
    public synchronized void close() {
        running.values().forEach(PacketCapture::close);
        running.clear();
    }
}
