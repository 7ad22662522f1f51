package io.portside.ui.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.files.FileEntry;
import io.portside.ftp.Site;
import io.portside.transfer.Conflict;
import io.portside.transfer.TransferJob;
import io.portside.ui.fx.UiText;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the conflict dialog writes, in both languages, without a window. */
class ConflictDialogTextTest {
    private static final UiText EN = new UiText(Locale.ENGLISH);
    private static final UiText ZH = new UiText(Locale.SIMPLIFIED_CHINESE);

    @Test
    void sizesShowTheExactBytesOnceAndOnlyWhereTheUnitRounds() {
        assertEquals("17 B", ConflictDialog.size(EN, 17));
        assertEquals("4.2 MiB  (4,404,019 B)", ConflictDialog.size(EN, 4_404_019));
        assertEquals("unknown", ConflictDialog.size(EN, -1));
        assertEquals("未知", ConflictDialog.size(ZH, -1));
    }

    @Test
    void timesFollowTheWindowsLanguage() {
        Instant t = Instant.parse("2026-01-02T10:00:45Z");
        String zh = ConflictDialog.when(ZH, t);
        assertTrue(zh.startsWith("2026年1月") || zh.startsWith("2026年01月"), zh);
        assertTrue(ConflictDialog.when(EN, t).contains("2026"), ConflictDialog.when(EN, t));
        assertEquals("unknown", ConflictDialog.when(EN, null));
    }

    @Test
    void theVerdictSaysWhichIsNewerAndWhichIsLarger() {
        Instant early = Instant.parse("2025-06-01T08:30:15Z");
        Instant late = Instant.parse("2025-06-01T08:30:16Z");
        assertEquals("The existing file is newer. The new file is larger.",
                ConflictDialog.verdict(EN, conflict(10, early, 5, late)));
        assertEquals("Both have the same time. Both have the same size.",
                ConflictDialog.verdict(EN, conflict(5, early.plusMillis(900), 5, early)));
        assertEquals("Which is newer is unknown (a time is missing). Which is larger is unknown.",
                ConflictDialog.verdict(EN, conflict(-1, null, 5, early)));
        assertEquals("新文件较新。已有文件较大。", ConflictDialog.verdict(ZH, conflict(1, late, 5, early))
                .replace(" ", ""));
    }

    private static Conflict conflict(long sourceSize, Instant sourceTime, long targetSize, Instant targetTime) {
        TransferJob job = TransferJob.download(Site.ftp("127.0.0.1", 21, "u", "p"), "/a.txt", "/tmp/a.txt");
        return new Conflict(1, job, new FileEntry("a.txt", "/a.txt", false, sourceSize, sourceTime),
                new FileEntry("a.txt", "/tmp/a.txt", false, targetSize, targetTime));
    }
}
