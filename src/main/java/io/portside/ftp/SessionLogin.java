package io.portside.ftp;

import io.portside.ftp.event.AddressText;
import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.Notice.Severity;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.event.Units;
import io.portside.ftp.tls.TlsLayer;
import io.portside.ftp.tls.TlsPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPReply;

/**
 * The steps that log a fresh control connection in, each with its events and notices: TLS at
 * once (implicit FTPS) or after AUTH TLS (FTPES), USER/PASS, PBSZ/PROT P, FEAT and the charset,
 * TYPE I. {@link FtpSession} runs them in order and keeps what they learn, at first and again
 * when {@link TlsFallback} reconnects.
 */
final class SessionLogin {
    private final Site site;
    private final SessionOptions options;
    private final ProtocolEventBus bus;
    private final ConnectionId id;
    private final InstrumentedFtpClient client;

    SessionLogin(Site site, SessionOptions options, ProtocolEventBus bus, ConnectionId id,
                 InstrumentedFtpClient client) {
        this.site = site;
        this.options = options;
        this.bus = bus;
        this.id = id;
        this.client = client;
    }

    /** FTPS: the TLS layer the connection will use, offering {@code versions}. Before connecting. */
    TlsLayer useTls(TlsPolicy policy, String[] versions) throws IOException {
        TlsLayer tls = new TlsLayer(policy, site.host(), site.port(), bus, versions);
        client.useTls(tls, site.protocol() == Protocol.FTPS);
        if (site.protocol() == Protocol.FTPS) {
            notice(Severity.INFO, "tls.implicit");
        }
        return tls;
    }

    /**
     * Connects and reads the greeting, starts TLS for FTPES (or warns that the session runs in
     * clear), logs in, and for FTPS protects the data connections.
     *
     * @return true when the session runs over TLS
     */
    boolean connectAndAuthenticate() throws IOException {
        boolean secure = site.protocol().triesTls();
        client.setConnectTimeout(millis(options.connectTimeout()));
        client.setDefaultTimeout(millis(options.replyTimeout()));
        client.setDataTimeout(options.dataTimeout());
        client.setControlEncoding(options.charset().name());
        client.setRemoteVerificationEnabled(false); // DataConnector checks the peer itself, and logs it
        InetAddress address = resolve(site.host());
        connect(address);
        client.setSoTimeout(millis(options.replyTimeout()));
        if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
            throw client.refusal(UserMessage.of("refused.connection"), false);
        }
        if (site.protocol() == Protocol.FTPES) {
            notice(Severity.INFO, "tls.auth");
            client.startTls();
        } else if (site.protocol() == Protocol.FTP_TLS_IF_AVAILABLE) {
            secure = startTlsIfAvailable();
        } else if (!secure) {
            notice(Severity.WARNING, "tls.clear");
        }
        if (!client.login(site.loginUser(), site.loginPassword())) {
            throw client.refusal(UserMessage.of("refused.login", site.loginUser()), false);
        }
        if (secure) {
            client.protectData();
        }
        return secure;
    }

    /**
     * AUTH TLS, and on a refusal (a 4xx/5xx reply, no TLS started) plain FTP with a warning that
     * says so. A handshake that fails after the server agreed is a failure, as in FileZilla.
     */
    private boolean startTlsIfAvailable() throws IOException {
        notice(Severity.INFO, "tls.auth.optional");
        try {
            client.startTls();
            return true;
        } catch (FtpReplyException refused) {
            notice(Severity.WARNING, "tls.unavailable", Failures.firstLine(client.getReplyString()));
            return false;
        }
    }

    /**
     * Opens the TCP connection and reads the greeting. A server that accepts the connection and
     * then says nothing is no firewall problem (the connection is open): the port serves another
     * protocol, implicit FTPS most often (it waits for our TLS hello), or the server is overloaded.
     */
    private void connect(InetAddress address) throws IOException {
        try {
            client.connect(address, site.port());
        } catch (IOException e) {
            // Commons Net waits for the greeting as long as for the connection, and wraps its timeout
            if (!client.isConnected() || FailureCause.of(e) != FailureCause.TIMED_OUT) {
                throw e; // the connection attempt itself went unanswered, or failed otherwise
            }
            String[] partial = client.getReplyStrings();
            if (partial != null && partial.length > 0) {
                throw e; // a greeting began and stopped: the server stopped answering, said as such
            }
            String waited = Units.duration(options.connectTimeout());
            String where = AddressText.hostPort(site.host(), site.port());
            notice(Severity.ERROR, "greeting.none", where, waited);
            throw new FtpException(UserMessage.of(site.protocol() == Protocol.FTPS ? "greeting.none.implicit"
                    : "greeting.none", where, waited), FailureCause.TIMED_OUT, e);
        }
    }

    /** FEAT: what the server offers; {@code known} when it does not answer FEAT. */
    ServerCapabilities features(ServerCapabilities known) throws IOException {
        return client.features() ? ServerCapabilities.fromFeatReply(client.getReplyStrings()) : known;
    }

    /**
     * OPTS UTF8 ON where the server offers UTF-8, and a note of what that means; otherwise a
     * note of the charset in use. The names go out in the charset the control connection was
     * opened with either way; the note says which, and why.
     */
    void chooseCharset(ServerCapabilities offered) throws IOException {
        if (offered.utf8()) {
            int code = client.sendCommand("OPTS", "UTF8 ON");
            String reply = Failures.firstLine(client.getReplyString());
            // FEAT listing UTF8 already means UTF-8 names (RFC 2640); OPTS UTF8 ON is only a draft's
            // switch, which servers that are always UTF-8 refuse (501/502): not a "no".
            notice(code / 100 == 2 ? Severity.INFO : Severity.WARNING,
                    code / 100 == 2 ? "utf8.accepted" : "utf8.refused", reply, options.charset().name());
        } else if (!options.charset().name().equals("UTF-8")) {
            notice(Severity.INFO, "charset", options.charset().name());
        }
    }

    void binaryMode() throws IOException {
        if (!client.setFileType(FTP.BINARY_FILE_TYPE)) {
            throw client.refusal(UserMessage.of("refused.binary"), false);
        }
    }

    private InetAddress resolve(String host) throws IOException {
        bus.publish(new ProtocolEvent.Resolving(Instant.now(), id, host));
        long t0 = System.nanoTime();
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            bus.publish(new ProtocolEvent.Resolved(Instant.now(), id, host, Arrays.asList(all),
                    Duration.ofNanos(System.nanoTime() - t0)));
            return all[0];
        } catch (UnknownHostException e) {
            UserMessage words = UserMessage.of("login.unknownHost", host);
            bus.publish(new ProtocolEvent.Notice(Instant.now(), id, Severity.ERROR, "error", List.of(words)));
            throw new FtpException(words, FailureCause.UNKNOWN_HOST, e);
        }
    }

    private void notice(Severity severity, String key, Object... args) {
        bus.publish(new ProtocolEvent.Notice(Instant.now(), id, severity, key, List.of(args)));
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}
