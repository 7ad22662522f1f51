package io.portside.ftp.tls;

import io.portside.ftp.UserMessage;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Locale;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * Makes JSSE resume the control connection's TLS session on a data connection.
 *
 * <p>JSSE looks up a session to resume under "host:port" of the socket being handshaked, and for
 * a layered socket that port is the real one of the underlying connection: the data port, not
 * the control port. So the control session is put into JSSE's client cache under the data
 * connection's key, through its private cache field: there is no public API for this (Commons
 * Net's NET-408, and the approach FileZilla-compatible Java clients use). It needs
 * {@code --add-opens} of {@code java.base/sun.security.ssl} and {@code sun.security.util} (in the jar manifest and the
 * installer's launcher); without it reuse is impossible and {@link #share} says why.
 */
final class SessionCacheBridge {
    private SessionCacheBridge() {
    }

    /** Returns null on success, else why the session could not be shared. */
    static UserMessage share(SSLSession control, String host, int dataPort) {
        SSLSessionContext context = control.getSessionContext();
        if (context == null) {
            return UserMessage.of("tls.notCached");
        }
        try {
            Field field = context.getClass().getDeclaredField("sessionHostPortCache");
            field.setAccessible(true);
            Object cache = field.get(context);
            Method put = cache.getClass().getDeclaredMethod("put", Object.class, Object.class);
            put.setAccessible(true);
            put.invoke(cache, (host + ":" + dataPort).toLowerCase(Locale.ENGLISH), control);
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return UserMessage.of("tls.cacheRefused", e.getClass().getSimpleName());
        }
    }
}
