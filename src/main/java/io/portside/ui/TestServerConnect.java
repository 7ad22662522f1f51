package io.portside.ui;

import io.portside.ftp.Protocol;
import io.portside.server.SandboxServer;
import io.portside.ui.connection.ConnectionViewModel;
import io.portside.ui.connection.TestServerAction;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.fx.UiText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * File → Test server: starts the built-in server (writing its sample files is I/O, so on
 * {@code io}), then fills the connection bar with its address and one-time password and connects.
 */
final class TestServerConnect implements AutoCloseable {
    private final TestServerAction server = new TestServerAction();
    private final Path sandbox;
    private final UiText text;
    private final ConnectionViewModel connection;
    private final Executor io;
    private final FxBatcher bridge;
    private final Consumer<String> status;
    private final ErrorReporter errors;

    /** @param sandbox the built-in server's folder */
    TestServerConnect(Path sandbox, UiText text, ConnectionViewModel connection, Executor io, FxBatcher bridge,
                      Consumer<String> status, ErrorReporter errors) {
        this.sandbox = sandbox;
        this.text = text;
        this.connection = connection;
        this.io = io;
        this.bridge = bridge;
        this.status = status;
        this.errors = errors;
    }

    TestServerAction server() {
        return server;
    }

    void start() {
        status.accept(text.get("status.testServer.starting"));
        io.execute(() -> {
            try {
                SandboxServer s = server.start(sandbox);
                bridge.post(() -> {
                    connection.fill(Protocol.FTP, s.host(), s.port(), s.user(), s.password());
                    status.accept(text.get("status.testServer.started", s.port(), s.root()));
                    connection.connect();
                });
            } catch (IOException e) {
                bridge.post(() -> errors.show(text.get("error.testServer"), e));
            }
        });
    }

    /** Stops the server if it was started. */
    @Override
    public void close() {
        server.close();
    }
}
