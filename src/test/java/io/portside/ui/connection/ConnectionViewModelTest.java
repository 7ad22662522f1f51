package io.portside.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpException;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import io.portside.ui.fx.FxBatcher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bar's logic against the embedded server, without a window (work runs inline). */
class ConnectionViewModelTest {
    @TempDir java.nio.file.Path root;
    final ProtocolEventBus bus = new ProtocolEventBus();
    final List<FtpException> failures = new CopyOnWriteArrayList<>();

    ConnectionViewModel model() {
        ConnectionViewModel m = new ConnectionViewModel(bus, Runnable::run, new FxBatcher(Runnable::run),
                SessionOptions.defaults());
        m.onFailed(failures::add);
        return m;
    }

    void fill(ConnectionViewModel m, SandboxServer s, String password) {
        m.host().set(s.host());
        m.port().set(String.valueOf(s.port()));
        m.user().set(s.user());
        m.password().set(password);
    }

    @Test
    void connectsAndSwitchesModeOnTheLiveSession() throws Exception {
        List<ProtocolEvent> events = new CopyOnWriteArrayList<>();
        try (SandboxServer s = SandboxServer.start(root); var sub = bus.subscribe(events::add)) {
            ConnectionViewModel m = model();
            fill(m, s, s.password());
            m.connect();
            assertEquals(ConnectionState.CONNECTED, m.state().get(), failures.toString());
            assertNotNull(m.session());

            m.mode().set(DataMode.ACTIVE);
            m.extended().set(true);
            assertEquals(DataMode.ACTIVE, m.session().mode());
            assertEquals(ExtendedMode.ALWAYS, m.session().extended());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (events.stream().noneMatch(e -> e instanceof ProtocolEvent.ModeChanged) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(events.stream().anyMatch(e -> e instanceof ProtocolEvent.ModeChanged), "the log hears of the switch");

            m.disconnect();
            assertEquals(ConnectionState.DISCONNECTED, m.state().get());
        }
    }

    /**
     * The transfer queue's workers open sessions on their own threads: the bar hands them an
     * immutable snapshot on each change, so no worker reads a JavaFX property.
     */
    @Test
    void everyChangeOfModeOrCharsetHandsDownAnImmutableSnapshot() throws Exception {
        ConnectionViewModel m = model();
        java.util.concurrent.atomic.AtomicReference<SessionOptions> handed =
                new java.util.concurrent.atomic.AtomicReference<>(m.options());
        m.onOptionsChanged(handed::set);
        m.mode().set(DataMode.ACTIVE);
        assertEquals(DataMode.ACTIVE, handed.get().mode());
        m.extended().set(true);
        assertEquals(ExtendedMode.ALWAYS, handed.get().extended());

        m.fill(new io.portside.sites.SiteProfile("p", io.portside.ftp.Protocol.FTP, "127.0.0.1", 21, "u",
                io.portside.sites.PasswordMode.NOT_STORED, DataMode.PASSIVE, ExtendedMode.AUTO, null, null,
                "ISO-8859-1", 45), "pw");
        assertEquals(45, m.timeOffsetMinutes().get(), "the site's adjusted server time");
        assertEquals(45, m.toProfile("history").timeOffsetMinutes());
        SessionOptions snapshot = handed.get();
        assertEquals(DataMode.PASSIVE, snapshot.mode());
        assertEquals(java.nio.charset.StandardCharsets.ISO_8859_1, snapshot.charset(), "a profile's charset reaches the queue");
        m.fill(io.portside.ftp.Protocol.FTP, "127.0.0.2", 21, "u", "pw");
        assertEquals(0, m.timeOffsetMinutes().get(), "another server's clock is not that site's");

    }

    @Test
    void badInputAndRefusedLoginsBecomeSentences() throws Exception {
        try (SandboxServer s = SandboxServer.start(root)) {
            ConnectionViewModel m = model();
            fill(m, s, "wrong");
            m.port().set("twenty-one");
            m.connect();
            assertTrue(failures.get(0).getMessage().startsWith("the port must be a number"), failures.toString());

            m.port().set(String.valueOf(s.port()));
            m.connect();
            // the bus thread may be draining the batcher (its "FX thread" is whoever posts first): wait for it
            long end = System.nanoTime() + 10_000_000_000L;
            while ((failures.size() < 2 || m.state().get() != ConnectionState.DISCONNECTED) && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertEquals(ConnectionState.DISCONNECTED, m.state().get());
            assertTrue(failures.get(1).getMessage().startsWith("login as portside failed"), failures.toString());
        }
    }
}
