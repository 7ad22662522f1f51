package io.portside.ftp.net;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEventBus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Gives Commons Net a {@link MonitoredSocket} for the control connection, so its TCP connect
 * and close are reported like every data connection's.
 */
public final class MonitoredSocketFactory extends SocketFactory {
    private final ProtocolEventBus bus;
    private final ConnectionId id;

    public MonitoredSocketFactory(ProtocolEventBus bus, ConnectionId id) {
        this.bus = bus;
        this.id = id;
    }

    @Override
    public Socket createSocket() {
        return new MonitoredSocket(bus, id, null);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }
}
