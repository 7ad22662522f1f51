package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.files.FileEntry;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;

/** The language setting overrides the system's: the window and the log's explanations in Chinese. */
class ChineseWindowTest extends WindowFixture {

    @Override
    String language() {
        return "zh_CN";
    }

    @Override
    void prepare() throws Exception {
        Files.writeString(serverRoot.resolve("hello.txt"), "hi\n");
        Files.writeString(localRoot.resolve("本地.txt"), "hi\n");
        Files.setLastModifiedTime(localRoot.resolve("本地.txt"),
                FileTime.from(LocalDateTime.of(2026, 1, 2, 15, 4).atZone(ZoneId.systemDefault()).toInstant()));
    }

    @Test
    void datesAreWrittenTheChineseWayWhateverTheSystemsLanguage() {
        waitUntil("listed", () -> listed("#localTable", "本地.txt"));
        String shown = call(() -> lookup("#localTable .table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.getItem() instanceof FileEntry e && e.name().equals("本地.txt")).lookup(".table-cell")
                .queryAll().stream().map(c -> ((TableCell<?, ?>) c).getText()).filter(t -> t != null && t.contains("2026"))
                .findFirst().orElse(""));
        assertEquals("2026/1/2 下午3:04", shown);
    }

    @Test
    void windowAndLogSpeakChinese() {
        assertEquals("连接", lookup("#connect").queryButton().getText());
        connectAndWaitForListing();
        assertEquals("断开", lookup("#connect").queryButton().getText());
        assertEquals("已连接", lookup("#statusState").queryLabeled().getText());
        waitUntil("decoded PASV in Chinese", () -> logText().contains("服务器在 127.0.0.1:"));
        assertTrue(logText().contains("被动模式：客户端 -> 服务器"), logText());

        // the handshake diagram's labels, and its text export, in Chinese too
        interact(() -> lookup("#bottomTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(2));
        io.portside.ui.diagram.DiagramTab tab = call(() -> window.diagramTab());
        waitUntil("the browse session drawn", () -> call(() -> tab.view() != null && tab.view().rows().stream()
                .anyMatch(e -> e instanceof io.portside.diagnose.diagram.DiagramElement.Arrow a
                        && a.label().equals("连接（SYN）"))));
        java.nio.file.Path txt = tmp.resolve("diagram-zh.txt");
        interact(() -> tab.setSaveChooser(name -> txt));
        clickOn("#diagramExportText");
        waitUntil("the text is written", () -> java.nio.file.Files.isRegularFile(txt) && txt.toFile().length() > 0);
        String header = call(() -> java.nio.file.Files.readAllLines(txt).get(0));
        assertTrue(header.contains("客户端 127.0.0.1") && header.contains("服务器 127.0.0.1"), header);
    }

    @Test
    void aFailedLoginIsExplainedInChinese() {
        connectFromBar("wrong-password");
        waitUntil("error dialog", () -> !lookup("#errorDialog").queryAll().isEmpty());
        DialogPane pane = lookup("#errorDialog").queryAs(DialogPane.class);
        assertTrue(pane.getContentText().startsWith("以 " + server.user() + " 身份登录失败：530"), pane.getContentText());
        assertTrue(pane.getContentText().endsWith("。"), pane.getContentText());
        clickOn((javafx.scene.Node) pane.lookupButton(javafx.scene.control.ButtonType.OK));
    }

    @Test
    void anEmptyHostIsRefusedInChinese() {
        clickOn("#connect");
        waitUntil("error dialog", () -> !lookup("#errorDialog").queryAll().isEmpty());
        DialogPane pane = lookup("#errorDialog").queryAs(DialogPane.class);
        assertTrue(pane.getContentText().contains("请先输入服务器的主机名或地址"), pane.getContentText());
        clickOn((javafx.scene.Node) pane.lookupButton(javafx.scene.control.ButtonType.OK));
    }

    @Test
    void theDoctorsTableTlsSentenceAndCopiedReportAreInChinese() {
        interact(() -> {
            lookup("#host").queryTextInputControl().setText(server.host());
            lookup("#port").queryTextInputControl().setText(String.valueOf(server.port()));
            lookup("#user").queryTextInputControl().setText(server.user());
            lookup("#password").queryTextInputControl().setText(server.password());
        });
        clickOn((javafx.scene.Node) call(() -> lookup(".menu-bar .label").match(n -> n instanceof javafx.scene.control.Label l
                && "连接".equals(l.getText())).query()));
        clickOn("诊断连接…");
        waitUntil("diagnosis finished", 60,
                () -> "完成。".equals(call(() -> lookup("#diagnoseProgress").queryLabeled().getText())));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<io.portside.diagnose.DiagnosisReport.Row> table =
                lookup("#diagnoseTable").queryAs(javafx.scene.control.TableView.class);
        java.util.List<io.portside.diagnose.DiagnosisReport.Row> rows = call(() -> java.util.List.copyOf(table.getItems()));
        assertEquals("登录", rows.get(0).step());
        assertEquals("成功", rows.get(0).result());
        assertTrue(rows.get(0).details().startsWith("已连接到 127.0.0.1"), rows.get(0).details());
        assertTrue(rows.stream().anyMatch(r -> r.details().startsWith("列出 ")), rows.toString());
        io.portside.diagnose.DiagnosisReport.Row tls = rows.get(rows.size() - 1);
        assertTrue(tls.step().startsWith("TLS"), rows.toString());
        assertEquals("失败", tls.result(), tls.toString()); // the embedded server lists AUTH TLS but refuses it
        assertTrue(tls.details().contains("431") && tls.details().contains("服务器拒绝"), tls.toString());
        clickOn("#diagnoseCopy");
        String copied = call(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertTrue(copied.startsWith("Portside 连接诊断\n服务器："), copied);
        assertTrue(copied.contains("\n建议\n"), copied);
        clickOn((javafx.scene.Node) call(() -> lookup("#diagnoseDialog").queryAs(DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.CLOSE)));
    }
}
