package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

class CancelTransferTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        byte[] big = new byte[4_000_000];
        new Random(1).nextBytes(big);
        Files.write(serverRoot.resolve("big.bin"), big);
    }

    @Test
    void cancelFromTheQueueLeavesNoPartialFile() {
        window.transferQueue().setSpeedLimit(400_000);
        connectAndWaitForListing();
        clickOn(row("#remoteTable", "big.bin"));
        type(KeyCode.ENTER);
        Path target = localRoot.resolve("big.bin");
        waitUntil("download started", () -> call(() -> window.queueRows().stream()
                .anyMatch(j -> j.state().name().equals("RUNNING") && j.bytesDone() > 0)));

        // Select the job and cancel it with the keyboard (Delete = cancel in the queue table).
        waitUntil("queue row shown", () -> call(() -> table("#queueTable").getItems().size() == 1));
        interact(() -> {
            table("#queueTable").requestFocus();
            table("#queueTable").getSelectionModel().select(0);
        });
        type(KeyCode.DELETE);
        waitUntil("job cancelled", () -> call(() -> window.queueRows().stream()
                .anyMatch(j -> j.state().name().equals("CANCELLED"))));
        // Nothing half-written is left: neither the file nor its .part.
        waitUntil("partial file removed", () -> localFiles() == 0);
        assertFalse(Files.exists(target));
    }

    long localFiles() {
        try (var s = Files.list(localRoot)) {
            return s.count();
        } catch (Exception e) {
            return -1;
        }
    }

    static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
