package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portside.files.FileEntry;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Clicking a column header sorts the rows the user sees (folders first), later listings keep
 * that order, and a refresh keeps the selected rows selected.
 */
class ColumnSortTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        for (String f : List.of("zeta-folder", "omega", "alpha", "Mid", "beta")) { // the server lists them in its own order
            Files.createDirectories(serverRoot.resolve(f));
        }
        Files.write(serverRoot.resolve("a-large.bin"), new byte[3000]);
        Files.write(serverRoot.resolve("B-small.bin"), new byte[10]);
        Files.write(serverRoot.resolve("c-medium.bin"), new byte[500]);
    }

    /** The folders by name, whatever the column: they have no size, so ties go by name. */
    private static final List<String> FOLDERS = List.of("alpha", "beta", "Mid", "omega", "zeta-folder");

    private static List<String> rows(String... files) {
        List<String> all = new java.util.ArrayList<>(FOLDERS);
        all.addAll(List.of(files));
        return all;
    }

    private List<String> names() {
        return call(() -> this.<FileEntry>table("#remoteTable").getItems().stream().map(FileEntry::name).toList());
    }

    private List<String> selectedNames() {
        return call(() -> this.<FileEntry>table("#remoteTable").getSelectionModel().getSelectedItems().stream()
                .map(FileEntry::name).toList());
    }

    private javafx.scene.Node header(String columnId) {
        return lookup("#remoteTable .column-header").match(n -> columnId.equals(n.getId())).query();
    }

    @Test
    void headersSortTheRowsAndARefreshKeepsOrderAndSelection() {
        connectAndWaitForListing();
        // by name, case-insensitively, the folder first
        assertEquals(rows("a-large.bin", "B-small.bin", "c-medium.bin"), names());

        clickOn(header("size"));
        waitUntil("sorted by size: " + names(), () -> names().equals(rows("B-small.bin", "c-medium.bin", "a-large.bin")));
        clickOn(header("size"));
        waitUntil("sorted by size, largest first, folders still first: " + names(),
                () -> names().equals(rows("a-large.bin", "c-medium.bin", "B-small.bin")));

        select("#remoteTable", "c-medium.bin");
        clickOn(row("#remoteTable", "c-medium.bin"));
        type(KeyCode.F5);
        waitUntil("listed again after F5", () -> logText().split("LIST|MLSD", -1).length > 2 && !call(() ->
                lookup("#remoteTable").queryAs(TableView.class).getItems().isEmpty()));
        org.testfx.util.WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertEquals(rows("a-large.bin", "c-medium.bin", "B-small.bin"), names(),
                "the refreshed listing comes in the order the user chose");
        assertEquals(List.of("c-medium.bin"), selectedNames(), "a refresh keeps the selection");

        doubleClickOn(row("#remoteTable", "zeta-folder"));
        waitUntil("the folder is open", () -> call(() -> lookup("#remotePath").queryAs(javafx.scene.control.ComboBox.class)
                .getEditor().getText()).equals("/zeta-folder"));
        assertEquals(List.of(), selectedNames(), "another folder starts with nothing selected");
    }
}
