package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.ProtocolEvent.CommandSent;
import io.portside.ftp.event.ProtocolEvent.EndpointDecoded;
import io.portside.server.SandboxServer.NetworkQuirks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingAndNamesTest {
    @TempDir Path root;

    @Test
    void listsFoldersFilesAndNonAsciiNames() throws Exception {
        Files.createDirectory(root.resolve("Ordner"));
        Files.writeString(root.resolve("résumé 履历.txt"), "x");
        Files.write(root.resolve("empty.bin"), new byte[0]);
        try (SandboxFixture fx = new SandboxFixture(root); FtpSession s = fx.open(DataMode.PASSIVE, ExtendedMode.AUTO)) {
            List<RemoteFile> files = s.list("/");
            Set<String> names = files.stream().map(RemoteFile::name).collect(Collectors.toSet());
            assertEquals(Set.of("Ordner", "résumé 履历.txt", "empty.bin"), names);
            assertTrue(files.stream().filter(f -> f.name().equals("Ordner")).findFirst().orElseThrow().isDirectory());
            assertEquals(0, files.stream().filter(f -> f.name().equals("empty.bin")).findFirst().orElseThrow().size());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SessionCopy.download(s, "résumé 履历.txt", 0, out);
            assertEquals("x", out.toString(StandardCharsets.UTF_8));
            assertTrue(fx.events.of(CommandSent.class).stream().anyMatch(c -> c.command().equals("MLSD /")));
        }
    }

    @Test
    void refusalsCarryTheServersReply() throws Exception {
        try (SandboxFixture fx = new SandboxFixture(root); FtpSession s = fx.open(DataMode.PASSIVE, ExtendedMode.AUTO)) {
            FtpReplyException missing = assertThrows(FtpReplyException.class,
                    () -> SessionCopy.download(s, "nope.bin", 0, new ByteArrayOutputStream()));
            assertEquals(550, missing.code());
            assertTrue(missing.getMessage().startsWith("the server refused to send nope.bin: 550"), missing.getMessage());
            FtpReplyException cwd = assertThrows(FtpReplyException.class, () -> s.cwd("no-such-dir"));
            assertTrue(cwd.getMessage().startsWith("the server refused CWD no-such-dir: 550"), cwd.getMessage());
            FtpException chmod = assertThrows(FtpException.class, () -> s.files().chmod("x", "9z9"));
            assertTrue(chmod.getMessage().contains("not an octal mode"));
            assertEquals("/", s.pwd(), "refusals leave the session usable");
        }
    }

    @Test
    void ipv6ControlConnectionUsesEpsvAndEprtWithTheRealAddress() throws Exception {
        byte[] content = FtpSessionOperationsTest.randomBytes(20_000);
        try (SandboxFixture fx = new SandboxFixture(root, NetworkQuirks.ipv6())) {
            for (DataMode mode : DataMode.values()) {
                // NEVER cannot hold on IPv6: PASV/PORT carry only IPv4 addresses
                try (FtpSession s = fx.open(mode, ExtendedMode.NEVER)) {
                    SessionCopy.upload(s, new ByteArrayInputStream(content), "v6-" + mode + ".bin", 0);
                }
                assertArrayEquals(content, Files.readAllBytes(root.resolve("v6-" + mode + ".bin")));
            }
            List<String> verbs = fx.events.of(CommandSent.class).stream().map(CommandSent::verb)
                    .filter(v -> v.startsWith("EP") || v.equals("PASV") || v.equals("PORT")).toList();
            assertEquals(List.of("EPSV", "EPRT"), verbs);
            EndpointDecoded eprt = fx.events.await(EndpointDecoded.class, e -> e.endpoint().kind() == DataEndpoint.Kind.EPRT);
            assertEquals("::1", eprt.endpoint().host(), "EPRT names our real address (RFC 5952 form), never ::");
            assertTrue(fx.events.of(CommandSent.class).stream().anyMatch(c -> c.command().startsWith("EPRT |2|::1|")),
                    "the EPRT on the wire carries ::1, not 0:0:0:0:0:0:0:1");
        }
    }
}
