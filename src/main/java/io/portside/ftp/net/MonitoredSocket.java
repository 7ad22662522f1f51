package io.portside.ftp.net;

import io.portside.ftp.event.ClosedBy;
import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP socket that reports its own life to the protocol event stream: the connect (with the
 * ephemeral port, bound before connecting so the log can name it), the handshake time, bytes
 * each way, who closed it, and any failure with its cause. Java sees no packets, so these are
 * socket-level facts, not a packet trace.
 */
public class MonitoredSocket extends Socket {
    private final ProtocolEventBus bus;
    private final ConnectionId id;
    private final InetAddress bindAddress;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long openedAt = System.nanoTime();
    private volatile boolean endOfStream;
    private volatile boolean probing;
    private InputStream input;
    private OutputStream output;

    /**
     * @param bindAddress local address to bind before connecting (the control connection's own
     *                    address for data connections), or null for any
     */
    public MonitoredSocket(ProtocolEventBus bus, ConnectionId id, InetAddress bindAddress) {
        this.bus = bus;
        this.id = id;
        this.bindAddress = bindAddress;
    }

    public ConnectionId id() {
        return id;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeoutMillis) throws IOException {
        InetSocketAddress remote = (InetSocketAddress) endpoint;
        if (!isBound()) {
            bind(new InetSocketAddress(bindAddress, 0));
        }
        bus.publish(new ProtocolEvent.TcpConnecting(Instant.now(), id, localEndpoint(), remote));
        long start = System.nanoTime();
        try {
            super.connect(endpoint, timeoutMillis);
        } catch (IOException e) {
            ended.set(true);
            bus.publish(new ProtocolEvent.TcpFailed(Instant.now(), id, remote, false, FailureCause.of(e),
                    e.getMessage(), Duration.ofNanos(System.nanoTime() - start), false));
            super.close();
            throw e;
        }
        openedAt = System.nanoTime();
        bus.publish(new ProtocolEvent.TcpEstablished(Instant.now(), id, localEndpoint(), remoteEndpoint(), false,
                Duration.ofNanos(openedAt - start)));
    }

    /** For an accepted (inbound) connection: reports it, with how long we waited for it. */
    public void reportAccepted(Duration waited) {
        openedAt = System.nanoTime();
        bus.publish(new ProtocolEvent.TcpEstablished(Instant.now(), id, localEndpoint(), remoteEndpoint(), true,
                waited));
    }

    /**
     * The peer ended the data stream at a layer above this socket (TLS: its close_notify), so the
     * close is the server's even though this socket never read its end-of-stream.
     */
    public void peerEnded() {
        endOfStream = true;
    }

    /**
     * While on, a read timeout is no failure: a short read on an idle connection that only asks
     * "has the server hung up?" ({@code InstrumentedFtpClient#serverHungUp}) is expected to time out.
     */
    public void probing(boolean on) {
        probing = on;
    }

    /** Closes without a "closed" line: for connections already reported as rejected. */
    public void discard() throws IOException {
        ended.set(true);
        super.close();
    }

    public InetSocketAddress localEndpoint() {
        return (InetSocketAddress) getLocalSocketAddress();
    }

    public InetSocketAddress remoteEndpoint() {
        return (InetSocketAddress) getRemoteSocketAddress();
    }

    public long bytesReceived() {
        return received.get();
    }

    public long bytesSent() {
        return sent.get();
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new CountingInput(super.getInputStream());
        }
        return input;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (output == null) {
            output = new CountingOutput(super.getOutputStream());
        }
        return output;
    }

    @Override
    public void close() throws IOException {
        if (ended.compareAndSet(false, true)) {
            bus.publish(new ProtocolEvent.TcpClosed(Instant.now(), id,
                    endOfStream ? ClosedBy.SERVER : ClosedBy.CLIENT, received.get(), sent.get(),
                    Duration.ofNanos(System.nanoTime() - openedAt)));
        }
        super.close();
    }

    private void failed(IOException e) {
        if (probing && e instanceof java.net.SocketTimeoutException) {
            return;
        }
        if (!isClosed() && ended.compareAndSet(false, true)) {
            bus.publish(new ProtocolEvent.TcpFailed(Instant.now(), id, remoteEndpoint(), false, FailureCause.of(e),
                    e.getMessage() + " after " + received.get() + " bytes received, " + sent.get() + " sent",
                    Duration.ofNanos(System.nanoTime() - openedAt), true));
        }
    }

    private final class CountingInput extends FilterInputStream {
        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = super.read(b, off, len);
                if (n < 0) {
                    endOfStream = true;
                } else {
                    received.addAndGet(n);
                }
                return n;
            } catch (IOException e) {
                failed(e);
                throw e;
            }
        }
    }

    private final class CountingOutput extends FilterOutputStream {
        CountingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
                sent.addAndGet(len);
            } catch (IOException e) {
                failed(e);
                throw e;
            }
        }
    }
}
