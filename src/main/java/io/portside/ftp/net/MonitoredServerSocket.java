package io.portside.ftp.net;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEventBus;
import java.io.IOException;
import java.net.ServerSocket;

/** The active-mode listener: each connection it accepts is a {@link MonitoredSocket}. */
public final class MonitoredServerSocket extends ServerSocket {
    private final ProtocolEventBus bus;
    private final ConnectionId id;

    public MonitoredServerSocket(ProtocolEventBus bus, ConnectionId id) throws IOException {
        this.bus = bus;
        this.id = id;
    }

    @Override
    public MonitoredSocket accept() throws IOException {
        MonitoredSocket s = new MonitoredSocket(bus, id, null);
        implAccept(s);
        return s;
    }
}
