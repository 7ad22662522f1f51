package io.portside.transfer;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEventBus;

/** Opens the workers' sessions; tests inject their own. */
@FunctionalInterface
public interface SessionFactory {

    /** @param owner the worker's tag ("w1"), shown in the protocol log */
    FtpSession open(Site site, String owner) throws FtpException;

    /** Sessions with these options, all reporting to {@code bus}. */
    static SessionFactory of(SessionOptions options, ProtocolEventBus bus) {
        return (site, owner) -> FtpSession.open(site, options, bus, owner);
    }
}
