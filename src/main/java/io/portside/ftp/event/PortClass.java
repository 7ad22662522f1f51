package io.portside.ftp.event;

/** IANA's three port ranges; the log names the range so a reader sees what kind of port it is. */
public enum PortClass {
    WELL_KNOWN, REGISTERED, DYNAMIC;

    public static PortClass of(int port) {
        if (port < 1024) {
            return WELL_KNOWN;
        }
        return port < 49152 ? REGISTERED : DYNAMIC;
    }
}
