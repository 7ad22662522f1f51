package io.portside.ui;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing the window just after a download finished: the local pane's delayed re-listing must
 * not fire on the closed window's workers (it did, as an exception on the FX thread).
 */
class CloseAfterTransferTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        Files.writeString(serverRoot.resolve("last.txt"), "the last file before quitting\n");
    }

    @Test
    void quittingRightAfterADownloadLeavesNothingRunning() throws Throwable {
        connectAndWaitForListing();
        clickOn(row("#remoteTable", "last.txt"));
        type(KeyCode.ENTER);
        waitUntil("the queue says done", () -> call(() -> !window.queueRows().isEmpty()
                && window.queueRows().stream().allMatch(j -> j.state().isFinished())));
        restartWindow(); // closes this window at once, as File › Quit would
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.checkException();
    }
}
