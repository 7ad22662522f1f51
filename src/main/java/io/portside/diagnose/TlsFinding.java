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

    /**
     * @param tls      the listing over AUTH TLS on a plain ftp:// diagnosis, or null
     * @param attempts every step taken (over TLS themselves on an ftpes:// or ftps:// diagnosis)
     */
    static String describe(Site site, ServerCapabilities caps, Attempt tls, List<Attempt> attempts) {
        if (site.protocol() != Protocol.FTP) {
            List<ProtocolEvent> all = attempts.stream().flatMap(a -> a.events().stream()).toList();
            return "every method above ran over TLS (" + site.protocol().scheme() + "://)"
                    + whatTlsDid(all, false) + ".";
        }
        if (tls == null) {
            return caps.authTls() ? "AUTH TLS offered but not tried (the log-in failed)."
                    : "not tested: the server does not offer AUTH TLS in its FEAT reply, so commands, replies and the"
                    + " password travel unencrypted.";
        }
        boolean resetDuringTls = tls.events().stream().anyMatch(e -> e instanceof ProtocolEvent.TlsFailed f
                && !f.connection().isControl());
        if (tls.outcome() != AttemptOutcome.OK) {
            return "AUTH TLS offered, but a listing over TLS (ftpes://) failed: " + tls.error().getMessage()
                    + (resetDuringTls ? " The data connection was reset during its TLS handshake: the server"
                    + " most likely requires TLS session reuse." : "");
        }
        return "AUTH TLS works: a listing over TLS (ftpes://, PASV) took " + io.portside.ftp.event.Units.duration(tls.took())
                + whatTlsDid(tls.events(), true) + ". Use ftpes:// so the password and files are encrypted.";
    }

    /** ", data connection TLSv1.2 CIPHER, resuming ...", and the fall-back to TLS 1.2 if there was one. */
    private static String whatTlsDid(List<ProtocolEvent> events, boolean comma) {
        List<ProtocolEvent.TlsEstablished> data = events.stream()
                .filter(e -> e instanceof ProtocolEvent.TlsEstablished t && !t.connection().isControl())
                .map(e -> (ProtocolEvent.TlsEstablished) e).toList();
        boolean downgraded = events.stream()
                .anyMatch(e -> e instanceof ProtocolEvent.Notice n && n.key().equals("tls.downgrade"));
        StringBuilder b = new StringBuilder();
        if (!data.isEmpty()) {
            ProtocolEvent.TlsEstablished last = data.get(data.size() - 1);
            b.append(comma ? ", data connection " : ": data connections ").append(last.protocol()).append(' ')
                    .append(last.cipherSuite())
                    .append(Boolean.TRUE.equals(last.resumed()) ? ", resuming the control connection's TLS session"
                            : ", with a new TLS session");
        }
        if (downgraded) {
            b.append(". The server requires TLS session reuse, which Java cannot keep up under TLS 1.3 with it:"
                    + " Portside reconnected with TLS 1.2 for this server");
        }
        return b.toString();
    }
}
