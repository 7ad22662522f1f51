package io.portside.ftp;

import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import java.nio.file.Path;
import java.time.Duration;

/** A running embedded server, an event bus recording everything, and a way to open sessions on it. */
final class SandboxFixture implements AutoCloseable {
    final SandboxServer server;
    final ProtocolEventBus bus = new ProtocolEventBus();
    final EventRecorder events = new EventRecorder(bus);

    SandboxFixture(Path root) throws Exception {
        this(root, SandboxServer.NetworkQuirks.NONE);
    }

    SandboxFixture(Path root, SandboxServer.NetworkQuirks quirks) throws Exception {
        server = SandboxServer.start(root, "tester", "s3cret-Pw", quirks);
    }

    Site site() {
        return Site.ftp(server.host(), server.port(), server.user(), server.password());
    }

    static SessionOptions fast(DataMode mode, ExtendedMode ext) {
        return SessionOptions.defaults().withMode(mode, ext)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    FtpSession open(DataMode mode, ExtendedMode ext) throws FtpException {
        return FtpSession.open(site(), fast(mode, ext), bus, "test");
    }

    @Override
    public void close() {
        events.close();
        server.close();
    }
}
