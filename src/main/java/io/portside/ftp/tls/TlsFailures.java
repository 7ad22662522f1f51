package io.portside.ftp.tls;

import io.portside.ftp.UserMessage;
import java.io.IOException;
import java.net.SocketException;
import javax.net.ssl.SSLHandshakeException;

/** Words for a failed TLS handshake (keys of the errors bundle; see {@link UserMessage}). */
public final class TlsFailures {
    private TlsFailures() {
    }

    public static UserMessage explain(IOException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UntrustedCertificateException u) {
                return u.words();
            }
        }
        String msg = String.valueOf(e.getMessage());
        if (e instanceof SSLHandshakeException && msg.contains("protocol_version")) {
            return UserMessage.of("tls.noVersion", msg);
        }
        if (e instanceof SocketException || msg.contains("reset") || msg.contains("Remote host terminated")) {
            return UserMessage.of("tls.closedInHandshake", msg);
        }
        return UserMessage.verbatim(msg);
    }
}
