package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
    }

    @Test
    void windowAndLogSpeakChinese() {
        assertEquals("连接", lookup("#connect").queryButton().getText());
        connectAndWaitForListing();
        assertEquals("断开", lookup("#connect").queryButton().getText());
        assertEquals("已连接", lookup("#statusState").queryLabeled().getText());
        waitUntil("decoded PASV in Chinese", () -> logText().contains("服务器在 127.0.0.1:"));
        assertTrue(logText().contains("被动模式：客户端 -> 服务器"), logText());
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
}
