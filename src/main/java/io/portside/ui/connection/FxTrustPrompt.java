package io.portside.ui.connection;

import io.portside.ftp.tls.CertificateInfo;
import io.portside.ftp.tls.TrustDecision;
import io.portside.ftp.tls.TrustPrompt;
import io.portside.ui.dialog.CertificateDialog;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.fx.UiText;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Asks the user about a certificate with the {@link CertificateDialog}. Called on a connecting
 * worker thread: the dialog is shown on the FX thread without blocking it, and the worker
 * waits for the answer. "Trust once" holds for this run of the app, so the transfer queue's
 * own sessions to the same server do not ask again.
 */
public final class FxTrustPrompt implements TrustPrompt {
    /** An unanswered dialog does not hold a connection forever. */
    private static final long ANSWER_MINUTES = 15;
    private final UiText text;
    private final FxBatcher bridge;
    private final Supplier<Window> owner;
    private final Map<String, String> trustedThisRun = new ConcurrentHashMap<>();

    public FxTrustPrompt(UiText text, FxBatcher bridge, Supplier<Window> owner) {
        this.text = text;
        this.bridge = bridge;
        this.owner = owner;
    }

    @Override
    public TrustDecision ask(String hostPort, CertificateInfo certificate, String previousFingerprint) {
        if (certificate.sha256().equals(trustedThisRun.get(hostPort))) {
            return TrustDecision.ONCE;
        }
        if (Platform.isFxApplicationThread()) {
            // Waiting here would freeze the window; the connection layer never calls on this thread.
            throw new IllegalStateException("the certificate prompt must not be called on the FX thread");
        }
        CompletableFuture<TrustDecision> answer = new CompletableFuture<>();
        bridge.post(() -> {
            CertificateDialog d = new CertificateDialog(owner.get(), text, hostPort, certificate, previousFingerprint);
            d.setOnHidden(e -> answer.complete(d.getResult() == null ? TrustDecision.REJECT : d.getResult()));
            d.show();
        });
        TrustDecision d;
        try {
            d = answer.get(ANSWER_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TrustDecision.REJECT;
        } catch (ExecutionException | TimeoutException e) {
            return TrustDecision.REJECT;
        }
        if (d != TrustDecision.REJECT) {
            trustedThisRun.put(hostPort, certificate.sha256());
        }
        return d;
    }
}
