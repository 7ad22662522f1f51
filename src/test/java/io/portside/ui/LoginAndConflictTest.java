package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class LoginAndConflictTest extends WindowFixture {
    static final String LOCAL = "the new local content, longer than the old one\n";

    @Override
    void prepare() throws Exception {
        Files.writeString(localRoot.resolve("same.txt"), LOCAL);
        Files.createDirectories(localRoot.resolve("pair"));
        Files.writeString(localRoot.resolve("pair/a.txt"), LOCAL);
        Files.writeString(localRoot.resolve("pair/b.txt"), LOCAL);
    }

    @Test
    void aFailedLoginShowsAnErrorInWords() {
        connectFromBar("wrong-password");
        waitUntil("error dialog", () -> !lookup("#errorDialog").queryAll().isEmpty());
        DialogPane pane = lookup("#errorDialog").queryAs(DialogPane.class);
        assertTrue(pane.getContentText().startsWith("Login as portside failed"), pane.getContentText());
        assertTrue(pane.getExpandableContent().toString().contains("530")
                || ((javafx.scene.control.TextArea) pane.getExpandableContent()).getText().contains("530"));
        assertEquals("Connect", lookup("#connect").queryButton().getText());
        clickOn("OK");
    }

    @Test
    void eachConflictChoiceDoesWhatItSays() throws Exception {
        Path remote = serverRoot.resolve("same.txt");
        Path local = localRoot.resolve("same.txt");
        Files.writeString(remote, "old");
        connectAndWaitForListing();

        // Skip: the server's file stays as it was.
        uploadAndChoose("#conflictSKIP");
        waitUntil("job skipped", () -> jobs("Skipped") == 1);
        assertEquals("old", Files.readString(remote));

        // Overwrite if newer, with the server's copy newer: nothing changes.
        Files.setLastModifiedTime(remote, FileTime.from(Instant.now().plusSeconds(3600)));
        Files.setLastModifiedTime(local, FileTime.from(Instant.now().minusSeconds(3600)));
        uploadAndChoose("#conflictOVERWRITE_IF_NEWER");
        waitUntil("job skipped again", () -> jobs("Skipped") == 2);
        assertEquals("old", Files.readString(remote));

        // Resume: the server holds the first part; the rest is appended.
        Files.writeString(remote, LOCAL.substring(0, 10));
        uploadAndChoose("#conflictRESUME");
        waitUntil("resumed to full length", () -> read(remote).equals(LOCAL));

        // Rename: the new copy goes next to the old one.
        Files.writeString(remote, "old");
        uploadAndChoose("#conflictRENAME");
        waitUntil("renamed copy", () -> read(serverRoot.resolve("same (1).txt")).equals(LOCAL));
        assertEquals("old", Files.readString(remote));

        // Overwrite.
        uploadAndChoose("#conflictOVERWRITE");
        waitUntil("overwritten", () -> read(remote).equals(LOCAL));
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(remote));
    }

    @Test
    void theDialogShowsBothSizesAndBothTimesAndWhichIsNewerAndLarger() throws Exception {
        Path remote = serverRoot.resolve("same.txt");
        Path local = localRoot.resolve("same.txt");
        Files.writeString(remote, "old");
        Instant older = Instant.parse("2025-06-01T08:30:15Z");
        Instant newer = Instant.parse("2026-01-02T10:00:45Z");
        Files.setLastModifiedTime(remote, FileTime.from(older));
        Files.setLastModifiedTime(local, FileTime.from(newer));
        connectAndWaitForListing();

        clickOn(row("#localTable", "same.txt"));
        type(KeyCode.ENTER);
        waitUntil("conflict dialog", () -> !lookup("#conflictDialog").queryAll().isEmpty());
        DateTimeFormatter shown = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withZone(ZoneId.systemDefault()).withLocale(Locale.ENGLISH);
        // The server's time comes from MDTM, to the second: a LIST line would have said "Jun 1 2025".
        assertEquals(shown.format(newer), label("#conflictSourceTime"));
        assertEquals(shown.format(older), label("#conflictTargetTime"));
        assertEquals(LOCAL.length() + " B", label("#conflictSourceSize"));
        assertEquals("3 B", label("#conflictTargetSize"));
        assertEquals("The new file is newer. The new file is larger.", label("#conflictVerdict"));
        clickOn("#conflictSKIP");
        waitUntil("dialog closed", () -> lookup("#conflictDialog").queryAll().isEmpty());
        assertEquals("old", Files.readString(remote));
    }

    private String label(String id) {
        return call(() -> ((Label) lookup(id).query()).getText());
    }

    @Test
    void applyToAllAnswersTheNextConflictsWithoutAsking() throws Exception {
        Files.createDirectories(serverRoot.resolve("pair"));
        Files.writeString(serverRoot.resolve("pair/a.txt"), "old");
        Files.writeString(serverRoot.resolve("pair/b.txt"), "old");
        connectAndWaitForListing();

        clickOn(row("#localTable", "pair"));
        clickOn("#localTransfer");
        waitUntil("conflict dialog", () -> !lookup("#conflictDialog").queryAll().isEmpty());
        clickOn("#applyToAll");
        clickOn("#conflictOVERWRITE");
        // Were the second file asked about, its dialog would hold it back and this would time out.
        waitUntil("both overwritten", () -> read(serverRoot.resolve("pair/a.txt")).equals(LOCAL)
                && read(serverRoot.resolve("pair/b.txt")).equals(LOCAL));
        assertTrue(lookup("#conflictDialog").queryAll().isEmpty());
    }

    private void uploadAndChoose(String button) {
        clickOn(row("#localTable", "same.txt"));
        type(KeyCode.ENTER);
        waitUntil("conflict dialog", () -> !lookup("#conflictDialog").queryAll().isEmpty());
        DialogPane pane = lookup("#conflictDialog").queryAs(DialogPane.class);
        assertTrue(pane.getHeaderText().contains("same.txt"), pane.getHeaderText());
        clickOn(button);
        waitUntil("dialog closed", () -> lookup("#conflictDialog").queryAll().isEmpty());
    }

    private long jobs(String state) {
        return call(() -> window.queueRows().stream().filter(j -> j.state().name().equalsIgnoreCase(state)).count());
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }
}
