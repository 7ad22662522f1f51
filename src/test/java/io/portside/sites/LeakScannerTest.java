package io.portside.sites;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner the secret tests rely on must itself find every form it claims to find. */
class LeakScannerTest {
    private static final String PW = "Tr0ub4dor&3-ünï";

    @Test
    void findsThePasswordInEveryEncodingEvenInsideOtherText(@TempDir Path dir) throws Exception {
        byte[] utf8 = PW.getBytes(StandardCharsets.UTF_8);
        List<byte[]> leaks = List.of(
                ("x=" + PW + ";").getBytes(StandardCharsets.UTF_8),
                ("x=" + PW).getBytes(StandardCharsets.UTF_16LE),
                ("x=" + PW).getBytes(StandardCharsets.UTF_16BE),
                ("hex " + HexFormat.of().formatHex(utf8)).getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().encode(("a" + PW + "zz").getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encode(("ab" + PW).getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encode(("user:" + PW).getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().encode(utf8));
        LeakScanner scanner = new LeakScanner(PW);
        for (int i = 0; i < leaks.size(); i++) {
            Path f = dir.resolve("leak" + i);
            Files.write(f, leaks.get(i));
            String prefix = "leak" + i + ":";
            List<String> found = scanner.findIn(dir);
            assertTrue(found.stream().anyMatch(s -> s.startsWith(prefix)), prefix + " not found: " + found);
            Files.delete(f);
        }
        Files.writeString(dir.resolve("clean"), "nothing here but Tr0ub4dor and " + Base64.getEncoder().encodeToString(new byte[40]));
        assertTrue(scanner.findIn(dir).isEmpty(), scanner.findIn(dir).toString());
    }
}
