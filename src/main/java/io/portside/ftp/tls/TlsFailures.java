package io.portside.ftp.tls;

import java.io.IOException;
import java.net.SocketException;
import javax.net.ssl.SSLHandshakeException;

/** Words for a failed TLS handshake. */
public final class TlsFailures {
    private TlsFailures() {
    }

    public static String explain(IOException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UntrustedCertificateException u) {
                return u.getMessage();
            }
        }
        String msg = String.valueOf(e.getMessage());
        if (e instanceof SSLHandshakeException && msg.contains("protocol_version")) {
            return "no TLS version in common with the server (" + msg + ")";
        }
        if (e instanceof SocketException || msg.contains("reset") || msg.contains("Remote host terminated")) {
            return "the server closed the connection during the TLS handshake (" + msg
                    + "); on a data connection this usually means the server requires TLS session reuse";
        }
        return msg;
    }
}
