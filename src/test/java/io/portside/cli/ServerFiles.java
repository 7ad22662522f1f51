package io.portside.cli;

import io.portside.interop.InteropServers.ServerInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test helper for the interop tests of the command line: fresh names on a real server's disk,
 * deleted (with whatever is below them, and their .part) after each test.
 */
final class ServerFiles implements AfterEachCallback {
    private final List<Path> made = new ArrayList<>();

    /** A name no test used before, in the server's FTP root. */
    String fresh(ServerInfo s, String what) {
        String name = "cli-" + what + "-" + Long.toHexString(System.nanoTime());
        made.add(s.onDisk(name));
        made.add(s.onDisk(name + ".part"));
        return name;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (Path p : made) {
            if (Files.exists(p)) {
                try (Stream<Path> all = Files.walk(p)) {
                    for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(q);
                    }
                }
            }
        }
        made.clear();
    }
}
