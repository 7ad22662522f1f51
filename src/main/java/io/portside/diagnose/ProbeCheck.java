package io.portside.diagnose;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.Protocol;
import io.portside.ftp.RemoteFile;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.event.Units;
import io.portside.probe.ProbeReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code diagnose --probe HOST:PORT}: lists the folder of a Portside probe
 * ({@code portside probe-server}) once with each data method, on the real engine, and reads
 * the probe's reports out of the replies: where our connection came from as the probe saw it,
 * our PORT/EPRT argument as it arrived, whether the probe's connection back reached us and
 * whether we reached its passive port. What the doctor infers from one side, this proves
 * from both ({@link ProbeExplainer}).
 */
public final class ProbeCheck {
    /** The probe waits up to 5 s to connect back or to be reached; our reply wait must outlast that. */
    static final Duration PROBE_WAIT_MARGIN = Duration.ofSeconds(10);
    private static final String OWNER = "probe";
    private final String host;
    private final int port;
    private final SessionOptions base;
    private final ProtocolEventBus bus;
    private final DoctorText text;

    public ProbeCheck(String host, int port, SessionOptions base, ProtocolEventBus bus, Locale locale) {
        this.host = host;
        this.port = port;
        SessionOptions b = base.withModeFallback(false);
        this.base = b.replyTimeout().compareTo(PROBE_WAIT_MARGIN) >= 0 ? b
                : b.withTimeouts(b.connectTimeout(), PROBE_WAIT_MARGIN, b.dataTimeout());
        this.bus = bus;
        this.text = new DoctorText(locale);
    }

    /** @param progress told one line per method as it finishes */
    public ProbeResult run(Consumer<String> progress) {
        List<Attempt> attempts = new ArrayList<>();
        List<Boolean> markers = new ArrayList<>();
        for (DataMethod m : DataMethod.values()) {
            boolean[] marker = {false};
            Attempt a = attempt(m, marker);
            attempts.add(a);
            markers.add(marker[0]);
            progress.accept(String.format(Locale.ROOT, "%-6s %-6s %s", a.step(), a.outcome(),
                    a.outcome() == AttemptOutcome.OK ? Units.duration(a.took()) : a.error().getMessage()));
        }
        ProbeExplainer explainer = new ProbeExplainer(text);
        return new ProbeResult(io.portside.ftp.event.AddressText.hostPort(host, port), attempts,
                explainer.explain(attempts, markers));
    }

    private Attempt attempt(DataMethod m, boolean[] markerArrived) {
        String owner = OWNER + " " + m.name();
        List<ProtocolEvent> seen = new ArrayList<>();
        ProtocolEventBus.Subscription sub = bus.subscribe(e -> {
            if (owner.equals(e.connection().owner())) {
                synchronized (seen) {
                    seen.add(e);
                }
            }
        });
        long start = System.nanoTime();
        FtpException error = null;
        int entries = -1;
        List<String> names = List.of();
        Site site = new Site(Protocol.FTP, host, port, "probe", "probe");
        try (FtpSession s = FtpSession.open(site, base.withMode(m.mode(), m.extended()), bus, owner)) {
            start = System.nanoTime();
            List<RemoteFile> files = s.list(null);
            entries = files.size();
            names = files.stream().map(RemoteFile::name).toList();
        } catch (FtpException e) {
            error = e;
        } finally {
            sub.close();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        List<ProtocolEvent> events;
        synchronized (seen) {
            events = List.copyOf(seen);
        }
        // The marker the probe says it sent is in the listing we received: the bytes crossed that connection.
        String marker = ProbeExplainer.transferReport(events).get(ProbeReport.MARKER);
        markerArrived[0] = marker != null && names.contains(marker);
        return new Attempt(m, error == null ? AttemptOutcome.OK : AttemptOutcome.FAILED, took, entries, error,
                events, false);
    }
}
