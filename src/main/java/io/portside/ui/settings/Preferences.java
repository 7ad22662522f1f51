package io.portside.ui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.portside.ftp.PortRange;
import io.portside.ftp.SessionOptions;
import io.portside.transfer.ConflictPolicy;
import io.portside.transfer.QueueSettings;
import java.time.Duration;

/**
 * What Edit › Settings… sets, as kept in the settings file. It maps onto the engine's own
 * settings, {@link QueueSettings} and {@link SessionOptions}, the same records the command
 * line's options map to, so a setting means one thing in both. Values are checked by
 * {@link SettingsViewModel} before they get here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Preferences {
    public int parallelTransfers = QueueSettings.defaults().parallelism();
    public int connectionsPerSite = QueueSettings.defaults().perSiteLimit();
    /** KiB per second, 0 for no limit. */
    public long downloadLimitKiB;
    public long uploadLimitKiB;
    public boolean preserveTimes = QueueSettings.defaults().preserveTimes();
    public ConflictPolicy conflict = QueueSettings.defaults().conflict();
    public int retries = QueueSettings.defaults().retry().retries();
    public int connectTimeoutSeconds = (int) SessionOptions.defaults().connectTimeout().toSeconds();
    /** The longest wait for a reply, and the longest silence on a data connection. */
    public int replyTimeoutSeconds = (int) SessionOptions.defaults().replyTimeout().toSeconds();
    public int keepAliveSeconds = (int) SessionOptions.defaults().keepAlive().toSeconds();
    public boolean showHidden = true;
    /** Advertised in PORT/EPRT instead of our own address (behind NAT); "" for ours. */
    public String activeExternalAddress = "";
    /** 0 and 0: any port the system gives. */
    public int activePortMin;
    public int activePortMax;

    public QueueSettings applyTo(QueueSettings q) {
        ConflictPolicy c = conflict == null ? ConflictPolicy.ASK : conflict;
        return q.withParallelism(parallelTransfers).withPerSiteLimit(connectionsPerSite)
                .withSpeedLimits(downloadLimitKiB * 1024, uploadLimitKiB * 1024).withPreserveTimes(preserveTimes)
                .withConflict(c).withRetry(q.retry().withRetries(retries));
    }

    public SessionOptions applyTo(SessionOptions s) {
        Duration reply = Duration.ofSeconds(replyTimeoutSeconds);
        String external = activeExternalAddress == null || activeExternalAddress.isBlank()
                ? null : activeExternalAddress.strip();
        PortRange ports = activePortMin == 0 ? PortRange.ANY : new PortRange(activePortMin, activePortMax);
        return s.withTimeouts(Duration.ofSeconds(connectTimeoutSeconds), reply, reply.multipliedBy(2))
                .withKeepAlive(Duration.ofSeconds(keepAliveSeconds)).withActive(ports, external);
    }
}
