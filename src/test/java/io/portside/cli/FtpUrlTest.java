package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.Protocol;
import io.portside.files.RemotePath;
import java.util.List;
import org.junit.jupiter.api.Test;

class FtpUrlTest {

    @Test
    void userPasswordHostPortAndRelativePath() {
        FtpUrl u = FtpUrl.parse("ftp://bob:s3cret@example.org:2121/pub/docs/readme.txt");
        assertEquals(Protocol.FTP, u.protocol());
        assertEquals("bob", u.user());
        assertEquals("s3cret", u.password());
        assertEquals("example.org", u.host());
        assertEquals(2121, u.port());
        assertEquals(List.of("pub", "docs"), u.folders());
        assertEquals("readme.txt", u.name());
        assertEquals("pub/docs/readme.txt", u.displayPath());
    }

    @Test
    void percentDecodingOfEveryPart() {
        FtpUrl u = FtpUrl.parse("ftp://b%40b:p%3Aw%40rd%2F@h/my%20dir/gr%C3%BC%C3%9Fe%25.txt");
        assertEquals("b@b", u.user());
        assertEquals("p:w@rd/", u.password());
        assertEquals(List.of("my dir"), u.folders());
        assertEquals("grüße%.txt", u.name());
        assertEquals("a+b", FtpUrl.parse("ftp://h/a+b").name(), "+ is not a space in a URL path");
    }

    @Test
    void leadingEncodedSlashMakesThePathAbsolute() {
        FtpUrl u = FtpUrl.parse("ftp://h/%2Fetc/x");
        assertEquals(List.of("/etc"), u.folders());
        assertEquals("x", u.name());
        assertEquals("/etc/x", u.displayPath());
        assertEquals(List.of(), FtpUrl.parse("ftp://h/x").folders(), "without %2F the path is relative");
    }

    /** The URL's place as the one remote path type: %2F-absolute, relative, folders, spaces. */
    @Test
    void pathIsARemotePath() {
        assertEquals(RemotePath.of("/etc/x"), FtpUrl.parse("ftp://h/%2Fetc/x").path());
        assertEquals(RemotePath.of("/etc/x"), FtpUrl.parse("ftp://h/%2F%2Fetc/x").path(), "a doubled %2F is one root");
        assertEquals(RemotePath.ROOT, FtpUrl.parse("ftp://h/%2F").path());
        assertEquals(RemotePath.of("pub/my docs/a b.txt"), FtpUrl.parse("ftp://h/pub/my%20docs/a%20b.txt").path());
        assertEquals(RemotePath.of("a/b"), FtpUrl.parse("ftp://h/a/b/").path(), "a folder URL names the folder");
        assertEquals(RemotePath.LOGIN, FtpUrl.parse("ftp://h").path());
        assertEquals(RemotePath.of("x"), FtpUrl.parse("ftp://h/a/../x").path(), "CWD a, CWD .., RETR x");
        assertEquals("/etc/x", FtpUrl.parse("ftp://h/%2Fetc/x").displayPath());
    }

    @Test
    void folderUrlsHaveNoName() {
        assertTrue(FtpUrl.parse("ftp://h/a/b/").namesFolder());
        assertEquals(List.of("a", "b"), FtpUrl.parse("ftp://h/a/b/").folders());
        assertTrue(FtpUrl.parse("ftp://h").namesFolder());
        assertTrue(FtpUrl.parse("ftp://h/").namesFolder());
        assertEquals(".", FtpUrl.parse("ftp://h/").displayPath());
        assertEquals(List.of("a", "b"), FtpUrl.parse("ftp://h/a//b/c").folders(), "empty segments are skipped");
    }

    @Test
    void ipv6LiteralWithAndWithoutPort() {
        FtpUrl u = FtpUrl.parse("ftp://[::1]:2121/f");
        assertEquals("::1", u.host());
        assertEquals(2121, u.port());
        assertEquals(21, FtpUrl.parse("ftp://[fe80::1:2]/f").port());
        assertEquals("ftp://[::1]:2121/f", u.toString());
    }

    @Test
    void noUserMeansAnonymous() {
        FtpUrl u = FtpUrl.parse("ftp://127.0.0.1/f");
        assertTrue(u.isAnonymous());
        assertNull(u.user());
        assertEquals("anonymous", u.site().loginUser());
        assertFalse(FtpUrl.parse("ftp://bob@h/f").isAnonymous());
    }

    @Test
    void defaultPortFollowsTheScheme() {
        assertEquals(21, FtpUrl.parse("ftp://h/f").port());
        assertEquals(Protocol.FTPES, FtpUrl.parse("ftpes://h/f").protocol());
        assertEquals(21, FtpUrl.parse("FTPES://h/f").port());
        assertEquals(990, FtpUrl.parse("ftps://h/f").port());
    }

    @Test
    void toStringMasksThePassword() {
        FtpUrl u = FtpUrl.parse("ftp://bob:TopSecret@h/%2Fetc/x");
        assertFalse(u.toString().contains("TopSecret"));
        assertEquals("ftp://bob:****@h:21/%2Fetc/x", u.toString());
    }

    @Test
    void badUrlsAreExplainedInWords() {
        assertBad("http://h/f", "unknown scheme 'http'");
        assertBad("h/f", "does not start with ftp://");
        assertBad("ftp:///f", "names no host");
        assertBad("ftp://h:0/f", "not between 1 and 65535");
        assertBad("ftp://h:99999/f", "not between 1 and 65535");
        assertBad("ftp://h:abc/f", "'abc' is not a number");
        assertBad("ftp://[::1/f", "no closing ]");
        assertBad("ftp://[zz]/f", "is not an IPv6 address");
        assertBad("ftp://h/a%2", "must be followed by two hex digits");
        assertBad("ftp://h/a%zz", "'%zz' in the path is not a percent-encoded byte");
        assertBad("ftp://h/a%FF", "not valid UTF-8");
        assertBad("ftp://@h/f", "user name before @ is empty");
        assertBad("ftp://h/f?x=1", "no ?query");
        assertBad("ftp://ho st/f", "is not a host name");
    }

    @Test
    void lineBreaksCannotSmuggleFtpCommands() {
        assertBad("ftp://h/x%0D%0ADELE%20y", "contains a control character");
        assertBad("ftp://bob%0Ax@h/f", "user name contains a control character");
    }

    @Test
    void errorMessagesNeverShowThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FtpUrl.parse("ftp://bob:TopSecret@h:badport/f"));
        assertFalse(e.getMessage().contains("TopSecret"), e.getMessage());
        assertTrue(e.getMessage().contains("bob:****@h:badport"), e.getMessage());
    }

    private static void assertBad(String url, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FtpUrl.parse(url));
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
    }
}
