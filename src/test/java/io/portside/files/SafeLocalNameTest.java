package io.portside.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.LogKind;
import io.portside.ftp.event.LogLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeLocalNameTest {
    @TempDir
    Path folder;

    private void assertRefused(String name, String reasonPart) {
        SafeLocalName.Decision d = SafeLocalName.resolve(folder, name);
        assertFalse(d.accepted(), "accepted " + name + " as " + d.path());
        assertNull(d.path());
        assertTrue(d.reason().toString().contains(reasonPart), name + " -> " + d.reason());
        assertTrue(d.warning().toString().startsWith("skipped \""), String.valueOf(d.warning()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.txt", "report 2024.pdf", ".hidden", "...a", "a..b", "naïve ✓ 日本語.txt", "con_notes",
            "CONSOLE", "COM10", "LPT0", "ab:c", "a b", "?weird*|<>\"", "Ω", "COM", "nul-byte.txt", "file.CON"})
    void ordinaryNamesResolveDirectlyInsideTheFolder(String name) {
        SafeLocalName.Decision d = SafeLocalName.resolve(folder, name);
        assertTrue(d.accepted(), name + " -> " + d.reason());
        assertEquals(folder.toAbsolutePath().normalize().resolve(name), d.path());
        assertEquals(folder.toAbsolutePath().normalize(), d.path().getParent());
        assertEquals(null, d.warning());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "../x", "x/..", "a/../../b", "./a"})
    void slashesAreRefused(String name) {
        assertRefused(name, "contains '/'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "/", "//server/share"})
    void unixAbsolutePathsAreRefused(String name) {
        assertRefused(name, "absolute path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\b", "..\\..\\x", "\\\\server\\share", "\\x"})
    void backslashesAreRefused(String name) {
        assertRefused(name, "contains '\\'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:", "c:x.txt", "Z:evil", "C:\\Windows"})
    void driveLettersAreRefusedAsAbsolutePaths(String name) {
        // "C:\\Windows" also has a backslash; either reason keeps it out
        SafeLocalName.Decision d = SafeLocalName.resolve(folder, name);
        assertFalse(d.accepted());
        assertTrue(d.reason().toString().contains("drive letter") || d.reason().toString().contains("'\\'"), String.valueOf(d.reason()));
    }

    @Test
    void dotAndDotDotAreRefused() {
        assertRefused("..", "'..' would leave the folder");
        assertRefused(".", "the folder itself");
    }

    @Test
    void emptyAndNullAreRefused() {
        assertRefused("", "empty");
        assertRefused(null, "empty");
    }

    @Test
    void nulAndEveryControlCharacterAreRefused() {
        for (char c = 0; c < 0x20; c++) {
            assertRefused("a" + c + "b", "NUL or control characters");
        }
        assertRefused("a\u007fb", "NUL or control characters");
        assertRefused("a\u0085b", "NUL or control characters");
        assertRefused("\u0000", "NUL or control characters");
        assertRefused("ok.txt\n", "NUL or control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "con", "Con.txt", "PRN", "AUX.tar.gz", "NUL", "nul.", "COM1", "com9.log", "LPT1",
            "lpt9", "LPT5.x", "CON .txt", "conin$", "CONOUT$.log", "COM\u00b9", "lpt\u00b3.txt"})
    void windowsReservedNamesAreRefusedWithOrWithoutExtension(String name) {
        SafeLocalName.Decision d = SafeLocalName.resolve(folder, name);
        assertFalse(d.accepted(), name);
        // "nul." is also refused for its trailing dot: either reason is right
        assertTrue(d.reason().toString().contains("Windows reserved name") || d.reason().toString().contains("ends with a dot"), String.valueOf(d.reason()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.", "a ", "a. ", "name...", "   "})
    void trailingDotsAndSpacesAreRefused(String name) {
        assertRefused(name, "ends with a dot or a space");
    }

    @Test
    void overLongNamesAndBrokenUnicodeAreRefused() {
        assertRefused("a".repeat(256), "longer than 255 bytes");
        assertTrue(SafeLocalName.resolve(folder, "a".repeat(255)).accepted());
        assertRefused("é".repeat(128), "longer than 255 bytes"); // 256 bytes in UTF-8
        assertRefused("a\ud800b", "not valid Unicode");
        assertRefused("a\udc00", "not valid Unicode");
        assertTrue(SafeLocalName.resolve(folder, "emoji\ud83d\ude00.txt").accepted());
    }

    @Test
    void anExistingSymbolicLinkIsNotFollowed() throws Exception {
        Path outside = Files.createTempDirectory("portside-outside");
        try {
            Files.createSymbolicLink(folder.resolve("link"), outside);
            assertRefused("link", "symbolic link");
            assertFalse(SafeLocalName.resolve(folder, List.of("link", "evil.txt")).accepted());
        } finally {
            Files.deleteIfExists(folder.resolve("link"));
            Files.delete(outside);
        }
    }

    @Test
    void nestedSegmentsForAMirrorStayInsideTheFolder() throws Exception {
        SafeLocalName.Decision ok = SafeLocalName.resolve(folder, List.of("docs", "2024", "a.txt"));
        assertTrue(ok.accepted(), String.valueOf(ok.reason()));
        assertEquals(folder.toAbsolutePath().normalize().resolve("docs/2024/a.txt"), ok.path());

        SafeLocalName.Decision bad = SafeLocalName.resolve(folder, List.of("docs", "..", "..", "x"));
        assertFalse(bad.accepted());
        assertEquals("'..' would leave the folder", bad.reason().toString());
        assertTrue(bad.warning().toString().contains("docs/../../x"), String.valueOf(bad.warning()));

        assertFalse(SafeLocalName.resolve(folder, List.of()).accepted());
        assertFalse(SafeLocalName.resolve(folder, List.of("docs", "CON", "a")).accepted());

        Files.writeString(folder.resolve("plain"), "x");
        SafeLocalName.Decision fileAsFolder = SafeLocalName.resolve(folder, List.of("plain", "a.txt"));
        assertFalse(fileAsFolder.accepted());
        assertTrue(fileAsFolder.reason().toString().contains("is a file"), String.valueOf(fileAsFolder.reason()));
    }

    @Test
    void aRelativeFolderIsResolvedToAnAbsoluteOne() {
        SafeLocalName.Decision d = SafeLocalName.resolve(Path.of("some", "..", "rel"), "a.txt");
        assertTrue(d.accepted());
        assertTrue(d.path().isAbsolute());
        assertEquals(Path.of("rel").toAbsolutePath().normalize().resolve("a.txt"), d.path());
    }

    @Test
    void warningsShowControlCharactersVisibly() {
        SafeLocalName.Decision d = SafeLocalName.resolve(folder, "a\nb");
        assertTrue(d.warning().toString().contains("a\\u000ab"), String.valueOf(d.warning()));
        assertFalse(d.warning().toString().contains("\n"));
        assertEquals("已跳过“a\\u000ab”：名称含有 NUL 或控制字符", d.warning().render(java.util.Locale.SIMPLIFIED_CHINESE),
                "the Chinese window's status bar says it in Chinese");
    }

    @Test
    void aSkippedNameBecomesAWarningLineInTheProtocolLog() {
        SafeLocalName.Decision d = SafeLocalName.resolve(folder, "../../.bashrc");
        LogLine line = new LogFormatter(Locale.ENGLISH).format(d.skippedNotice(ConnectionId.control("q", 1)));
        assertEquals(LogKind.WARNING, line.kind());
        assertEquals("skipped \"../../.bashrc\" from the server: the name contains '/' "
                + "(it cannot safely become a local file name)", line.text());
    }

    /** Random names from a hostile alphabet: whatever is accepted lies directly inside the folder. */
    @Test
    void randomHostileNamesNeverEscape() {
        long seed = System.nanoTime();
        System.out.println("SafeLocalNameTest seed " + seed);
        Random r = new Random(seed);
        String[] pieces = {"..", ".", "/", "\\", "C:", "\0", "\n", " ", "a", "CON", "é", "\u202e", "~", "$", ":", "*"};
        Path base = folder.toAbsolutePath().normalize();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(6);
            for (int k = 0; k < n; k++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String name = sb.toString();
            SafeLocalName.Decision d = SafeLocalName.resolve(folder, name);
            if (d.accepted()) {
                assertEquals(base, d.path().getParent(), "seed " + seed + " name " + name);
                assertFalse(name.contains("/") || name.contains("\\") || name.contains("\0") || name.equals(".."),
                        "seed " + seed + " name " + name);
            } else {
                assertFalse(d.reason().toString().isBlank());
            }
        }
    }
}
