package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each listed time says how exact it is: what the comparison of folders compares it at. */
class ListingPrecisionTest {
    @Test
    void listLinesTellMinutesOrDaysMlsdSeconds() {
        byte[] list = String.join("\r\n",
                "-rw-r--r--    1 1000     1000            5 Dec 03 16:51 recent.txt",
                "-rw-r--r--    1 1000     1000            5 Jun 01  2025 old.txt", "").getBytes(StandardCharsets.UTF_8);
        List<RemoteFile> files = ListingParser.parseList("UNIX Type: L8", list, StandardCharsets.UTF_8);
        assertEquals(ChronoUnit.MINUTES, files.get(0).timePrecision());
        assertEquals(ChronoUnit.DAYS, files.get(1).timePrecision());

        byte[] mlsd = "type=file;size=5;modify=20251203165112; x.txt\r\ntype=file;size=1; untimed.txt\r\n"
                .getBytes(StandardCharsets.UTF_8);
        List<RemoteFile> facts = ListingParser.parseMlsd(mlsd, StandardCharsets.UTF_8);
        assertEquals(ChronoUnit.SECONDS, facts.get(0).timePrecision());
        assertEquals(null, facts.get(1).timePrecision());
    }
}
