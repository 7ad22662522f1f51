package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portside.ftp.Protocol;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;

/** Plain FTP is marked as such in the status bar; FTPS moves an untouched port to 990. */
class PlainFtpStatusTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        java.nio.file.Files.writeString(serverRoot.resolve("hello.txt"), "x");
    }

    @Test
    void plainFtpIsMarkedNotEncrypted() {
        assertEquals("", call(() -> lookup("#statusSecurity").queryLabeled().getText()));
        connectAndWaitForListing();
        assertEquals("Not encrypted: password and files cross the network in clear",
                call(() -> lookup("#statusSecurity").queryLabeled().getText()));
        assertEquals(true, call(() -> lookup("#statusSecurity").query().isVisible()));
        // a narrow window: the segments keep their words whole, the message on the left gives way
        interact(() -> stage.setWidth(700));
        for (String id : new String[] {"#statusSecurity", "#statusState", "#statusServer", "#statusMode"}) {
            waitUntil(id + " whole", () -> call(() -> {
                javafx.scene.control.Labeled l = lookup(id).queryLabeled();
                return l.getWidth() >= l.prefWidth(-1) - 0.5;
            }));
        }
    }

    @Test
    void implicitFtpsTakesPort990WhenThePortWasUntouched() {
        interact(() -> lookup("#protocol").<ComboBox<Protocol>>query().setValue(Protocol.FTPS));
        assertEquals("990", call(() -> lookup("#port").queryTextInputControl().getText()));
        assertEquals(Protocol.FTPS, call(() -> lookup("#protocol").<ComboBox<Protocol>>query().getValue()));
        interact(() -> lookup("#port").queryTextInputControl().setText("2990"));
        interact(() -> lookup("#protocol").<ComboBox<Protocol>>query().setValue(Protocol.FTPES));
        assertEquals("2990", call(() -> lookup("#port").queryTextInputControl().getText()));
    }
}
