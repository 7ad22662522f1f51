package io.portside.diagnose;

import io.portside.ftp.Protocol;
import io.portside.ftp.ServerCapabilities;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEvent;
import java.util.List;

/** The report's sentence about TLS, drawn from what the listing over TLS showed. */
final class TlsFinding {
    private TlsFinding() {
    }

    static String describe(Site site, ServerCapabilities caps, Attempt tls) {
        if (site.protocol() != Protocol.FTP) {
            return "every method above ran over TLS (" + site.protocol().scheme() + "://).";
        }
        if (tls == null) {
            return caps.authTls() ? "AUTH TLS offered but not tried (the log-in failed)."
                    : "not tested: the server does not offer AUTH TLS in its FEAT reply, so commands, replies and the"
                    + " password travel unencrypted.";
        }
        List<ProtocolEvent.TlsEstablished> data = tls.events().stream()
                .filter(e -> e instanceof ProtocolEvent.TlsEstablished t && !t.connection().isControl())
                .map(e -> (ProtocolEvent.TlsEstablished) e).toList();
        boolean downgraded = tls.events().stream()
                .anyMatch(e -> e instanceof ProtocolEvent.Notice n && n.key().equals("tls.downgrade"));
        boolean resetDuringTls = tls.events().stream().anyMatch(e -> e instanceof ProtocolEvent.TlsFailed f
                && !f.connection().isControl());
        if (tls.outcome() != Outcome.OK) {
            return "AUTH TLS offered, but a listing over TLS (ftpes://) failed: " + tls.error().getMessage()
                    + (resetDuringTls ? " The data connection was reset during its TLS handshake: the server"
                    + " most likely requires TLS session reuse." : "");
        }
        StringBuilder b = new StringBuilder("AUTH TLS works: a listing over TLS (ftpes://, PASV) took ")
                .append(io.portside.ftp.event.Units.duration(tls.took()));
        if (!data.isEmpty()) {
            ProtocolEvent.TlsEstablished last = data.get(data.size() - 1);
            b.append(", data connection ").append(last.protocol()).append(' ').append(last.cipherSuite())
                    .append(Boolean.TRUE.equals(last.resumed()) ? ", resuming the control connection's TLS session"
                            : ", with a new TLS session");
        }
        if (downgraded) {
            b.append(". The server requires TLS session reuse, which Java cannot keep up under TLS 1.3 with it:"
                    + " Portside reconnected with TLS 1.2 for this server");
        }
        return b.append(". Use ftpes:// so the password and files are encrypted.").toString();
    }
}
