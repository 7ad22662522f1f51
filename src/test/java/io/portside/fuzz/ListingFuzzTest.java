package io.portside.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.portside.ftp.ListingParser;
import io.portside.ftp.RemoteFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated LIST (Unix {@code ls -l}, Windows DIR, and the other system types Commons
 * Net knows) and MLSD listings through the parsers a session uses: no exception escapes, and
 * every entry has a non-empty name that is not "." or "..".
 */
class ListingFuzzTest {
    private static final int CASES = 4_000;

    private static final String[] UNIX = {
            "total 12", "drwxr-xr-x   2 user group     4096 Jan  1 12:00 dir",
            "-rw-r--r--   1 user group  1234567 Mar 15  2023 file name.txt",
            "lrwxrwxrwx   1 u    g           7 Feb 29  2024 link -> ../target",
            "-rw-------   1 1001 1001          0 Dec 31 23:59 .hidden",
            "crw-rw-rw-   1 root root     1,   3 Jan  1  1970 null",
            "-rwsr-sr-t+  1 user group 99999999999 Jul  4 10:00 big.iso",
            "drwxr-xr-x   3 user group     4096 2024-01-02 03:04 iso-dates"};
    private static final String[] WINDOWS = {
            "01-15-24  03:04PM       <DIR>          folder", "01-15-24  03:04PM              1234 file.txt",
            "12-31-1999  11:59AM            99999999999 big file.bin", "02-29-24  12:00AM       <DIR>          ..",
            " Volume in drive C has no label."};
    private static final String[] MLSD = {
            "type=file;size=123;modify=20240101120000; a.txt", "type=dir;perm=el;modify=20240101120000.123; sub",
            "type=cdir; .", "type=pdir; ..", "Type=file;Size=99999999999999999999;Modify=2024; x",
            "type=OS.unix=slink:/etc;unix.mode=0777; lnk", "type=file;size=-5;UNIX.owner=0; spaces in name ",
            "type=file;; ;name"};
    private static final String[] SYSTEM_TYPES = {"UNIX", "UNIX_LTRIM", "WINDOWS", "Windows_NT", "VMS", "OS/2",
            "OS/400", "MVS", "NETWARE", "MACOS PETER", "L8", "TYPE: L8"};

    @Test
    void unixListings() {
        fuzz("unix", UNIX, bytes -> ListingParser.parseList("UNIX", bytes, StandardCharsets.UTF_8));
    }

    @Test
    void windowsListings() {
        fuzz("windows", WINDOWS, bytes -> ListingParser.parseList("WINDOWS", bytes, StandardCharsets.UTF_8));
    }

    @Test
    void mlsdListings() {
        fuzz("mlsd", MLSD, bytes -> ListingParser.parseMlsd(bytes, StandardCharsets.UTF_8));
    }

    /** Any system type a server may name in SYST, fed a mix of every listing style. */
    @Test
    void everySystemTypeCommonsNetKnows() {
        String[] mixed = concat(UNIX, WINDOWS, MLSD);
        long seed = System.nanoTime();
        Mutator pick = new Mutator(seed);
        Charset latin1 = Charset.forName("ISO-8859-1");
        fuzz("mixed", mixed, bytes -> ListingParser.parseList(pick.pick(SYSTEM_TYPES),
                bytes, pick.random().nextBoolean() ? StandardCharsets.UTF_8 : latin1));
    }

    private void fuzz(String what, String[] seeds, Function<byte[], List<RemoteFile>> parse) {
        long seed = System.nanoTime();
        System.out.println(what + " listing fuzz seed " + seed);
        Mutator m = new Mutator(seed);
        int[] entries = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < CASES; i++) {
                StringBuilder listing = new StringBuilder();
                int lines = 1 + m.random().nextInt(6);
                for (int l = 0; l < lines; l++) {
                    String line = switch (m.random().nextInt(6)) {
                        case 0 -> m.pick(seeds);
                        case 1 -> m.randomText(m.random().nextInt(80));
                        default -> m.mutate(m.pick(seeds));
                    };
                    listing.append(line).append(m.random().nextInt(5) == 0 ? "\n" : "\r\n");
                }
                byte[] bytes = m.bytes(listing.toString());
                try {
                    List<RemoteFile> files = parse.apply(bytes);
                    assertNotNull(files);
                    for (RemoteFile f : files) {
                        assertNotNull(f.name(), "null name");
                        assertTrue(!f.name().isEmpty() && !f.name().equals(".") && !f.name().equals(".."),
                                "name '" + f.name() + "'");
                        assertNotNull(f.type());
                        entries[0]++;
                    }
                } catch (Throwable t) {
                    fail(what + " seed " + seed + " case " + i + " listing <"
                            + CodecFuzzTest.escape(listing.toString()) + "> threw " + t, t);
                }
            }
        });
        assertTrue(entries[0] > CASES / 10, what + ": only " + entries[0] + " entries parsed; the mutations are too wild");
        System.out.println(what + ": " + entries[0] + " entries from " + CASES + " listings");
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
