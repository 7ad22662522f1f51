package io.portside.ui.dialog;

import io.portside.ftp.tls.CertificateInfo;
import io.portside.ftp.tls.TrustDecision;
import io.portside.ui.fx.UiText;
import java.time.Instant;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A server certificate the system does not trust (or one that CHANGED since the user trusted
 * it): what it says, its fingerprint to compare with the administrator's, and Trust once /
 * Trust always / Cancel. A changed certificate is a loud red warning with both fingerprints.
 */
public final class CertificateDialog extends Dialog<TrustDecision> {
    public CertificateDialog(Window owner, UiText text, String hostPort, CertificateInfo cert, String previousFingerprint) {
        initOwner(owner);
        boolean changed = previousFingerprint != null;
        setTitle(text.get(changed ? "cert.changed.title" : "cert.title"));
        setHeaderText(text.get(changed ? "cert.changed.header" : "cert.header", hostPort));
        getDialogPane().setId("certificateDialog");
        getDialogPane().getStylesheets().add(CertificateDialog.class.getResource("/css/portside.css").toExternalForm());
        if (changed) {
            getDialogPane().getStyleClass().add("certificate-changed");
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        row = add(grid, row, text.get("cert.subject"), cert.subject(), "certSubject");
        row = add(grid, row, text.get("cert.issuer"), cert.selfSigned() ? cert.issuer() + " " + text.get("cert.selfSigned")
                : cert.issuer(), "certIssuer");
        row = add(grid, row, text.get("cert.validFrom"), text.dateTime(FormatStyle.MEDIUM).format(cert.notBefore()), "certFrom");
        row = add(grid, row, text.get("cert.validTo"), text.dateTime(FormatStyle.MEDIUM).format(cert.notAfter()), "certTo");
        if (changed) {
            row = add(grid, row, text.get("cert.oldFingerprint"), previousFingerprint, "certOldFingerprint");
            row = add(grid, row, text.get("cert.newFingerprint"), cert.sha256(), "certFingerprint");
        } else {
            row = add(grid, row, text.get("cert.fingerprint"), cert.sha256(), "certFingerprint");
        }
        String host = hostPort.substring(0, Math.max(0, hostPort.lastIndexOf(':')));
        row = add(grid, row, text.get("cert.hostName"), text.get(cert.hostMatches() ? "cert.hostMatches"
                : "cert.hostMismatch", host), "certHost");
        List<CertificateInfo.Doubt> doubts = cert.doubts(Instant.now());
        if (!doubts.isEmpty()) {
            Label why = new Label(doubts.stream().map(d -> "• " + text.get("cert.doubt." + d.name().toLowerCase(Locale.ROOT),
                    host, cert.issuer())).collect(Collectors.joining("\n")));
            why.setId("certProblem");
            why.setWrapText(true);
            why.setMaxWidth(640);
            grid.addRow(row++, new Label(text.get("cert.problem")), why);
        }
        if (cert.problem() != null) {
            // the trust store's own words, for whoever asks the administrator: folded away
            TextArea raw = new TextArea(cert.problem());
            raw.setId("certTechnical");
            raw.setEditable(false);
            raw.setWrapText(true);
            raw.setPrefRowCount(3);
            TitledPane details = new TitledPane(text.get("cert.technical"), raw);
            details.setExpanded(false);
            details.setId("certTechnicalPane");
            grid.add(details, 0, row++, 2, 1);
        }
        Label advice = new Label(text.get(changed ? "cert.changed.advice" : "cert.advice"));
        advice.setWrapText(true);
        advice.setMaxWidth(640);
        advice.setId("certAdvice");
        if (changed) {
            advice.getStyleClass().add("certificate-warning");
        }
        getDialogPane().setContent(new VBox(12, advice, grid));
        ButtonType once = new ButtonType(text.get("cert.trustOnce"), ButtonBar.ButtonData.OTHER);
        ButtonType always = new ButtonType(text.get("cert.trustAlways"), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(text.get("cert.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(once, always, cancel);
        ((Button) getDialogPane().lookupButton(once)).setId("certTrustOnce");
        ((Button) getDialogPane().lookupButton(always)).setId("certTrustAlways");
        Button no = (Button) getDialogPane().lookupButton(cancel);
        no.setId("certCancel");
        // The safe answer is the default: Enter must not trust a certificate by accident.
        no.setDefaultButton(true);
        setResultConverter(b -> b == once ? TrustDecision.ONCE : b == always ? TrustDecision.ALWAYS : TrustDecision.REJECT);
    }

    private static int add(GridPane grid, int row, String label, String value, String id) {
        // Read-only text, so a fingerprint can be selected and copied to compare. A fingerprint
        // (95 characters) is wrapped over two lines rather than cut: it must be read in full.
        javafx.scene.control.TextInputControl v;
        if (id.endsWith("Fingerprint")) {
            TextArea area = new TextArea(value);
            area.setWrapText(true);
            area.setPrefRowCount(2);
            area.setPrefColumnCount(48);
            v = area;
        } else {
            TextField field = new TextField(value);
            field.setPrefColumnCount(48);
            v = field;
        }
        v.setEditable(false);
        v.setId(id);
        v.getStyleClass().add("certificate-value");
        grid.addRow(row, new Label(label), v);
        return row + 1;
    }
}
