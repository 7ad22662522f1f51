package io.portside.ui;

import io.portside.diagnose.ConnectionDoctor;
import io.portside.diagnose.DiagnosisReport;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.tls.TlsPolicy;
import io.portside.ftp.FtpException;
import io.portside.ui.capture.WindowCapture;
import io.portside.ui.connection.ConnectionViewModel;
import io.portside.ui.dialog.DiagnoseDialog;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.fx.UiText;
import io.portside.ui.fx.IoExecutors;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import javafx.stage.Window;

/**
 * Connection → Diagnose: runs the connection doctor for the site in the connection bar and
 * shows its steps in a dialog as they come in.
 */
final class DiagnoseAction {
    private final Window owner;
    private final UiText text;
    private final ConnectionViewModel connection;
    private final ProtocolEventBus bus;
    private final TlsPolicy tlsPolicy;
    private final Executor io;
    private final FxBatcher bridge;
    private final ErrorReporter errors;
    private final WindowCapture capture;

    /**
     * @param tlsPolicy the window's certificate decisions, so the doctor trusts what the user trusts
     * @param capture   the window's packet capture: the doctor's sessions are captured too
     */
    DiagnoseAction(Window owner, UiText text, ConnectionViewModel connection, ProtocolEventBus bus,
                   TlsPolicy tlsPolicy, Executor io, FxBatcher bridge, ErrorReporter errors, WindowCapture capture) {
        this.owner = owner;
        this.text = text;
        this.connection = connection;
        this.bus = bus;
        this.tlsPolicy = tlsPolicy;
        this.io = io;
        this.bridge = bridge;
        this.errors = errors;
        this.capture = capture;
    }

    /**
     * The doctor gets a thread of its own: it opens several connections in turn and must not
     * queue behind (or hold up) the browse and io workers.
     */
    void run() {
        Site target;
        try {
            target = connection.site();
        } catch (FtpException e) {
            errors.show(text.get("error.diagnose"), e);
            return;
        }
        DiagnoseDialog dialog = new DiagnoseDialog(owner, text,
                new Site(target.protocol(), target.host(), target.port(), target.user(), null).toString(), io);
        dialog.show();
        SessionOptions options = connection.options();
        ExecutorService doctorThread = IoExecutors.single("diagnose");
        doctorThread.execute(() -> {
            try {
                capture.beforeConnect(target.host());
            } catch (FtpException e) {
                bridge.post(() -> {
                    dialog.close();
                    errors.show(text.get("error.diagnose"), e);
                });
                return;
            }
            DiagnosisReport report = new ConnectionDoctor(target, options, bus, tlsPolicy, text.locale())
                    .run(line -> bridge.post(() -> dialog.progress(line)));
            bridge.post(() -> dialog.show(report));
        });
        doctorThread.shutdown();
    }
}
