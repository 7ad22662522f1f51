package io.portside.ftp;

/** Who opens the data connection. */
public enum DataMode {
    /** PASV/EPSV: the server listens, we connect (works through most client-side firewalls and NAT). */
    PASSIVE,
    /** PORT/EPRT: we listen, the server connects to us. */
    ACTIVE;

    public DataMode other() {
        return this == PASSIVE ? ACTIVE : PASSIVE;
    }
}
