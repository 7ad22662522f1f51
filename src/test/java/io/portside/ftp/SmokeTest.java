package io.portside.ftp;

import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir Path root;

    @Test
    void smoke() throws Exception {
        Files.writeString(root.resolve("hello.txt"), "hello world");
        ProtocolEventBus bus = new ProtocolEventBus();
        try (EventRecorder rec = new EventRecorder(bus); SandboxServer srv = SandboxServer.start(root)) {
            for (DataMode m : DataMode.values()) {
                try (FtpSession s = FtpSession.open(Site.ftp(srv.host(), srv.port(), srv.user(), srv.password()),
                        SessionOptions.defaults().withMode(m, ExtendedMode.AUTO), bus, "t")) {
                    System.out.println(s.list(null));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    s.download("hello.txt", 0, out, TransferListener.NONE);
                    System.out.println(out);
                }
            }
            Thread.sleep(300);
            System.out.println(rec.log());
        }
    }
}
