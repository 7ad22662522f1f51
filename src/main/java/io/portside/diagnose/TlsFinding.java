package io.portside.diagnose;

import io.portside.ftp.Protocol;
import io.portside.ftp.ServerCapabilities;
import io.portside.ftp.Site;
import io.portside.ftp.UserMessage;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.Units;
import java.util.List;

/** The report's sentence about TLS, drawn from what the listing over TLS showed. */
final class TlsFinding {
    private TlsFinding() {
    }

    /**
     * @param tls      the listing over AUTH TLS on a plain ftp:// diagnosis, or null
     * @param attempts every step taken (over TLS themselves on an ftpes:// or ftps:// diagnosis)
     */
    static String describe(DoctorText t, Site site, ServerCapabilities caps, Attempt tls, List<Attempt> attempts) {
        if (site.protocol() != Protocol.FTP) {
            List<ProtocolEvent> all = attempts.stream().flatMap(a -> a.events().stream()).toList();
            return t.get("tls.overTls", site.protocol().scheme(), whatTlsDid(t, all, false));
        }
        if (tls == null) {
            return t.get(caps.authTls() ? "tls.notTried" : "tls.notOffered");
        }
        boolean resetDuringTls = tls.events().stream().anyMatch(e -> e instanceof ProtocolEvent.TlsFailed f
                && !f.connection().isControl());
        if (tls.outcome() != AttemptOutcome.OK) {
            return t.get("tls.failed", UserMessage.textOf(tls.error(), t.locale()),
                    resetDuringTls ? t.get("tls.failed.reset") : "");
        }
        return t.get("tls.works", Units.duration(tls.took()), whatTlsDid(t, tls.events(), true));
    }

    /** ", data connection TLSv1.2 CIPHER, resuming ...", and the fall-back to TLS 1.2 if there was one. */
    private static String whatTlsDid(DoctorText t, List<ProtocolEvent> events, boolean comma) {
        List<ProtocolEvent.TlsEstablished> data = events.stream()
                .filter(e -> e instanceof ProtocolEvent.TlsEstablished s && !s.connection().isControl())
                .map(e -> (ProtocolEvent.TlsEstablished) e).toList();
        boolean downgraded = events.stream()
                .anyMatch(e -> e instanceof ProtocolEvent.Notice n && n.key().equals("tls.downgrade"));
        StringBuilder b = new StringBuilder();
        if (!data.isEmpty()) {
            ProtocolEvent.TlsEstablished last = data.get(data.size() - 1);
            b.append(t.get(comma ? "tls.data" : "tls.data.all", last.protocol(), last.cipherSuite(),
                    t.get(Boolean.TRUE.equals(last.resumed()) ? "tls.resumed" : "tls.newSession")));
        }
        if (downgraded) {
            b.append(t.get("tls.downgraded"));
        }
        return b.toString();
    }
}
