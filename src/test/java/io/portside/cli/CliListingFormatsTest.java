package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.testing.FakeFtpServer;
import org.junit.jupiter.api.Test;

/** {@code ls} against a server that says UNIX but lists IIS/DOS lines, and one that lists garbage. */
class CliListingFormatsTest {
    private static String url(FakeFtpServer fake) {
        return "ftp://test:secret@127.0.0.1:" + fake.port() + "/";
    }

    @Test
    void lsShowsDosLinesFromAUnixServerAndCountsWhatItCouldNotRead() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().listing(
                "11-24-26  09:15AM       <DIR>          Reports Q3",
                "11-24-26  09:16AM                 1234 notes.txt",
                "*** junk 1 ***", "*** junk 2 ***", "*** junk 3 ***").start()) {
            CliRun r = CliRun.of("ls", url(fake));
            assertEquals(ExitCode.OK, r.exitCode(), r.toString());
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("d") && l.endsWith(" Reports Q3")), r.toString());
            assertTrue(r.out().lines().anyMatch(l -> l.contains("1234") && l.endsWith(" notes.txt")), r.toString());
            assertEquals(2, r.out().lines().count(), r.toString());
            assertTrue(r.err().contains("portside: 3 lines of the listing could not be read: \"*** junk 1 ***\", "
                    + "\"*** junk 2 ***\", \"*** junk 3 ***\""), r.toString());
        }
    }

    @Test
    void lsOfAListingNoParserCanReadIsAnErrorInWords() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().listing("<<garbage>>", "more garbage").start()) {
            CliRun r = CliRun.of("ls", url(fake));
            assertEquals(ExitCode.REMOTE_FAILURE, r.exitCode(), r.toString());
            assertEquals("", r.out(), "no empty folder pretended");
            assertTrue(r.err().contains("the listing of . could not be read: none of its 2 lines is in a listing "
                    + "format Portside knows"), r.toString());
        }
    }

    @Test
    void anOrdinaryUnixListingPrintsNoWarning() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().start()) {
            CliRun r = CliRun.of("ls", url(fake));
            assertEquals(ExitCode.OK, r.exitCode(), r.toString());
            assertFalse(r.err().contains("could not be read"), r.toString());
            assertEquals(2, r.out().lines().count(), r.toString());
        }
    }
}
