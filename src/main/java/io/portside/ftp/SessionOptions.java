package io.portside.ftp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * How a session behaves. Passed in by whoever opens the session (no global preferences).
 *
 * @param mode                   who opens data connections
 * @param extended               whether to use EPSV/EPRT
 * @param connectTimeout         TCP connect (control and data) and the wait for an active-mode connection
 * @param replyTimeout           the longest wait for a reply on the control connection
 * @param dataTimeout            the longest silence on a data connection
 * @param keepAlive              NOOP on the control connection after this much idle (also during transfers)
 * @param charset                file-name encoding used when the server does not offer UTF-8
 * @param activePorts            local ports to listen on in active mode
 * @param activeExternalAddress  address to advertise in PORT/EPRT instead of ours (behind NAT), or null
 * @param trustPassiveAddress    follow a PASV reply that names another host than the control peer
 * @param modeFallback           retry once in the other mode when a data connection fails
 */
public record SessionOptions(DataMode mode, ExtendedMode extended, Duration connectTimeout, Duration replyTimeout,
                             Duration dataTimeout, Duration keepAlive, Charset charset, PortRange activePorts,
                             String activeExternalAddress, boolean trustPassiveAddress, boolean modeFallback) {

    public static SessionOptions defaults() {
        return new SessionOptions(DataMode.PASSIVE, ExtendedMode.AUTO, Duration.ofSeconds(15), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(30), StandardCharsets.UTF_8, PortRange.ANY, null, false, true);
    }

    public SessionOptions withMode(DataMode m, ExtendedMode e) {
        return new SessionOptions(m, e, connectTimeout, replyTimeout, dataTimeout, keepAlive, charset, activePorts,
                activeExternalAddress, trustPassiveAddress, modeFallback);
    }

    /** One timeout for connect, replies and data silence (the CLI's --timeout). */
    public SessionOptions withTimeouts(Duration connect, Duration reply, Duration data) {
        return new SessionOptions(mode, extended, connect, reply, data, keepAlive, charset, activePorts,
                activeExternalAddress, trustPassiveAddress, modeFallback);
    }

    public SessionOptions withKeepAlive(Duration k) {
        return new SessionOptions(mode, extended, connectTimeout, replyTimeout, dataTimeout, k, charset, activePorts,
                activeExternalAddress, trustPassiveAddress, modeFallback);
    }

    public SessionOptions withCharset(Charset c) {
        return new SessionOptions(mode, extended, connectTimeout, replyTimeout, dataTimeout, keepAlive, c, activePorts,
                activeExternalAddress, trustPassiveAddress, modeFallback);
    }

    public SessionOptions withActive(PortRange ports, String externalAddress) {
        return new SessionOptions(mode, extended, connectTimeout, replyTimeout, dataTimeout, keepAlive, charset, ports,
                externalAddress, trustPassiveAddress, modeFallback);
    }

    public SessionOptions withTrustPassiveAddress(boolean trust) {
        return new SessionOptions(mode, extended, connectTimeout, replyTimeout, dataTimeout, keepAlive, charset,
                activePorts, activeExternalAddress, trust, modeFallback);
    }

    public SessionOptions withModeFallback(boolean fallback) {
        return new SessionOptions(mode, extended, connectTimeout, replyTimeout, dataTimeout, keepAlive, charset,
                activePorts, activeExternalAddress, trustPassiveAddress, fallback);
    }
}
