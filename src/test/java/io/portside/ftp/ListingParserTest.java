package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines the fuzzer found that crash Commons Net's own parsers: the bad entry goes, the rest stay. */
class ListingParserTest {
    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(List<RemoteFile> files) {
        return files.stream().map(RemoteFile::name).toList();
    }

    @Test
    void anMlsdSizeAboveLongMaxSkipsOnlyThatEntry() {
        List<RemoteFile> files = ListingParser.parseMlsd(text(
                "type=file;size=99999999999999999999; huge\r\ntype=file;size=12;modify=20240101120000; ok.txt\r\n"
                        + "type=dir; sub\r\ntype=cdir; .\r\n"), StandardCharsets.UTF_8);
        assertEquals(List.of("ok.txt", "sub"), names(files));
        assertEquals(12, files.get(0).size());
        assertEquals(RemoteFile.Type.DIRECTORY, files.get(1).type());
    }

    @Test
    void aWindowsSizeAboveLongMaxSkipsOnlyThatEntry() {
        List<RemoteFile> files = ListingParser.parseList("WINDOWS", text(
                "12-31-99  11:59AM        99999999999999999999 huge.bin\r\n"
                        + "01-15-24  03:04PM       <DIR>          folder\r\n"
                        + "01-15-24  03:04PM              1234 file.txt\r\n"), StandardCharsets.UTF_8);
        assertEquals(List.of("folder", "file.txt"), names(files));
    }

    @Test
    void anUnknownSystemTypeIsReadAsUnix() {
        List<RemoteFile> files = ListingParser.parseList("L8", text(
                "total 1\r\n-rw-r--r--   1 user group  1234 Mar 15  2023 a b.txt\r\n"), StandardCharsets.UTF_8);
        assertEquals(List.of("a b.txt"), names(files));
        assertEquals("rw-r--r--", files.get(0).permissions());
    }
}
