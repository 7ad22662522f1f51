package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.testing.FakeFtpServer;
import io.portside.ui.dialog.DiagnoseDialog;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Connection › Diagnose connection… runs the doctor for the bar's site and shows the table,
 * the explanations and the recommendation; copying or saving never carries the password, and
 * "Redact host names" hides the addresses. Writes screenshots/diagnose-dialog.png.
 */
class DiagnoseDialogTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        Files.writeString(serverRoot.resolve("index.html"), "<h1>hi</h1>");
    }

    private void fillBar(String host, int port, String user, String password) {
        interact(() -> {
            lookup("#host").queryTextInputControl().setText(host);
            lookup("#port").queryTextInputControl().setText(String.valueOf(port));
            lookup("#user").queryTextInputControl().setText(user);
            lookup("#password").queryTextInputControl().setText(password);
        });
    }

    private DiagnoseDialog runFromMenu() {
        clickOn("Connection");
        clickOn("Diagnose connection…");
        waitUntil("diagnose dialog open", () -> !lookup("#diagnoseDialog").queryAll().isEmpty());
        DiagnoseDialog d = call(() -> (DiagnoseDialog) lookup("#diagnoseDialog").queryAs(DialogPane.class)
                .getProperties().get(DiagnoseDialog.class));
        waitUntil("diagnosis finished", 60, () -> "Done.".equals(call(() -> lookup("#diagnoseProgress").queryLabeled().getText())));
        return d;
    }

    @SuppressWarnings("unchecked")
    private TableView<io.portside.diagnose.DiagnosisReport.Row> table() {
        return lookup("#diagnoseTable").queryAs(TableView.class);
    }

    @Test
    void allMethodsWorkAgainstTheSandboxAndTheReportHasNoPassword() throws Exception {
        fillBar(server.host(), server.port(), server.user(), server.password());
        DiagnoseDialog d = runFromMenu();
        // the sandbox offers AUTH TLS, so the doctor runs every method over TLS too (issue 12)
        // the sandbox lists AUTH TLS but has no certificate here: one TLS row fails, the others would fail
        // alike, and no summary row repeats its reason
        assertEquals("log in PASV EPSV PORT EPRT TLS PASV", call(() -> String.join(" ", table().getItems().stream()
                .map(io.portside.diagnose.DiagnosisReport.Row::step).toList())));
        String why = call(() -> lookup("#diagnoseExplanations").queryLabeled().getText());
        assertTrue(why.contains("lists AUTH TLS in its FEAT reply but refused it (431 Service is unavailable.)"), why);
        assertTrue(call(() -> table().getItems().stream().filter(r -> !r.step().startsWith("TLS"))
                .allMatch(r -> r.outcome().name().equals("OK"))));
        assertTrue(call(() -> lookup("#diagnoseRecommendation").queryLabeled().getText()).startsWith("• Use passive mode"));

        Path out = Path.of(System.getProperty("portside.screenshots", "target/screenshots"));
        Files.createDirectories(out);
        var image = call(() -> lookup("#diagnoseDialog").query().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.resolve("diagnose-dialog.png").toFile());
        assertTrue(Files.size(out.resolve("diagnose-dialog.png")) > 10_000);

        String text = call(d::reportText);
        assertTrue(text.contains("127.0.0.1"), text);
        assertFalse(text.contains(server.password()), "the password must never appear");
        clickOn("#diagnoseRedact");
        String redacted = call(d::reportText);
        assertFalse(redacted.contains("127.0.0.1"), redacted);
        assertTrue(redacted.contains("<server>"), redacted);
        String cells = call(() -> String.join("|", from(lookup("#diagnoseTable").queryAll())
                .lookup((javafx.scene.Node n) -> n instanceof javafx.scene.text.Text).queryAll().stream()
                .map(n -> ((javafx.scene.text.Text) n).getText()).filter(java.util.Objects::nonNull).toList()));
        assertTrue(cells.contains("connected to <server>"), cells);
        assertFalse(cells.contains("127.0.0.1"), cells);

        clickOn("#diagnoseCopy");
        assertEquals(redacted, call(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        Path saved = tmp.resolve("diagnosis.txt");
        interact(() -> d.saveTo(saved));
        waitUntil("report saved", () -> Files.exists(saved) && call(() -> lookup("#diagnoseProgress").queryLabeled()
                .getText()).startsWith("Saved to"));
        assertEquals(redacted, Files.readString(saved));
    }

    @Test
    void aServerRefusingPortIsExplained() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer()
                .on("PORT", FakeFtpServer.reply("500 Illegal PORT command."))
                .on("EPRT", FakeFtpServer.reply("504 Command not implemented for that parameter.")).start()) {
            fillBar(fake.host(), fake.port(), fake.user(), fake.password());
            runFromMenu();
            assertEquals("FAILED", call(() -> table().getItems().stream().filter(r -> r.step().equals("PORT"))
                    .findFirst().orElseThrow().outcome().name()));
            String why = call(() -> lookup("#diagnoseExplanations").queryLabeled().getText());
            assertTrue(why.contains("PORT"), why);
            assertTrue(call(() -> lookup("What went wrong").tryQuery().isPresent()));
        }
    }
}
