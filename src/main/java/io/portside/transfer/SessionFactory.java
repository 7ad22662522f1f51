package io.portside.transfer;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.tls.TlsPolicy;
import java.util.function.Supplier;

/** Opens the workers' sessions; tests inject their own. */
@FunctionalInterface
public interface SessionFactory {

    /** @param owner the worker's tag ("w1"), shown in the protocol log */
    FtpSession open(Site site, String owner) throws FtpException;

    /** Sessions with these options, all reporting to {@code bus}. */
    static SessionFactory of(SessionOptions options, ProtocolEventBus bus) {
        return of(() -> options, bus, TlsPolicy.systemOnly());
    }

    /**
     * Sessions with the options of the moment, all reporting to {@code bus}. Called on worker
     * threads, so {@code current} must hand out an immutable snapshot its owner replaces when
     * the choice changes (the window sets it from the FX thread), never read a UI property.
     */
    static SessionFactory of(Supplier<SessionOptions> current, ProtocolEventBus bus, TlsPolicy tls) {
        return (site, owner) -> FtpSession.open(site, current.get(), bus, owner, tls);
    }
}
