package io.portside.ftp;

import io.portside.ftp.event.PortClass;

/**
 * Where a data connection is to go, as a PASV/EPSV reply or a PORT/EPRT command states it.
 *
 * @param kind which command or reply carried it
 * @param host the address named, or null for EPSV (which names only a port: the control peer is meant)
 * @param port the TCP port
 */
public record DataEndpoint(Kind kind, String host, int port) {

    public enum Kind {
        /** 227 reply: the server listens, we connect. */
        PASV,
        /** 229 reply: the server listens on the control connection's address. */
        EPSV,
        /** We listen, the server connects; IPv4 only. */
        PORT,
        /** We listen, the server connects; any address family. */
        EPRT;

        /** True when the server opens the data connection to us. */
        public boolean weListen() {
            return this == PORT || this == EPRT;
        }
    }

    public DataEndpoint {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** High byte of the port as PORT/PASV encode it: port = hi * 256 + lo. */
    public int high() {
        return port >> 8;
    }

    public int low() {
        return port & 0xff;
    }

    public PortClass portClass() {
        return PortClass.of(port);
    }
}
