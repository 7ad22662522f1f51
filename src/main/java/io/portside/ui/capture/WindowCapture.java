package io.portside.ui.capture;

import io.portside.ftp.FtpException;
import io.portside.ftp.capture.CaptureMode;
import io.portside.ftp.capture.CaptureUnavailableException;
import io.portside.ftp.capture.PacketCaptures;
import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.ProtocolEventBus;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Packet capture for the window's sessions (browse, transfer workers, the doctor): before any
 * of them connects to a host, {@link #beforeConnect} makes sure that host's packets are captured
 * as the mode says ({@code auto} by default: capture when the machine allows it, otherwise one
 * line in the log says why not). Captures run until the mode changes or the window closes.
 * Thread-safe: sessions open on worker threads, the menu changes the mode on the FX thread.
 */
public final class WindowCapture implements AutoCloseable {
    private final ProtocolEventBus bus;
    private final Locale locale;
    private PacketCaptures captures;

    public WindowCapture(CaptureMode mode, ProtocolEventBus bus, Locale locale) {
        this.bus = bus;
        this.locale = locale;
        this.captures = new PacketCaptures(mode, null, bus);
    }

    public synchronized CaptureMode mode() {
        return captures.mode();
    }

    /**
     * Applies from the next connection on. The captures running under the old mode stop (on a
     * thread of their own: stopping waits for the capture program's last packets).
     */
    public void setMode(CaptureMode mode) {
        PacketCaptures old;
        synchronized (this) {
            if (captures.mode() == mode) {
                return;
            }
            old = captures;
            captures = new PacketCaptures(mode, null, bus);
        }
        Thread stop = new Thread(old::close, "portside-capture-stop");
        stop.setDaemon(true);
        stop.start();
    }

    /**
     * Call on the session's worker thread, before it connects to {@code host}.
     *
     * @throws FtpException in {@code on} mode when capture cannot run here: what is missing and how to allow it
     */
    public void beforeConnect(String host) throws FtpException {
        PacketCaptures c;
        synchronized (this) {
            c = captures;
        }
        try {
            c.beforeConnect(host);
        } catch (CaptureUnavailableException e) {
            String pattern = ResourceBundle.getBundle("io.portside.i18n.log", locale).getString("capture.on.required");
            throw new FtpException(io.portside.ftp.UserMessage.verbatim(String.format(locale, pattern, e.message(locale))), FailureCause.OTHER, e);
        }
    }

    /** Stops every capture (after the window's sessions closed, so their closes are in it). */
    @Override
    public void close() {
        PacketCaptures c;
        synchronized (this) {
            c = captures;
        }
        c.close();
    }
}
