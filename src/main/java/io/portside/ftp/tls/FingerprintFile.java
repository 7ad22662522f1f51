package io.portside.ftp.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Trusted fingerprints in a properties file ({@code host:port=AB:CD:...}) in the config folder.
 * Written to a temporary file and renamed, so a crash mid-write leaves the old file whole.
 */
public final class FingerprintFile implements FingerprintStore {
    private final Path file;

    public FingerprintFile(Path file) {
        this.file = file;
    }

    @Override
    public synchronized String get(String hostPort) {
        return load().getProperty(hostPort);
    }

    @Override
    public synchronized void put(String hostPort, String fingerprint) {
        Properties p = load();
        p.setProperty(hostPort, fingerprint);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "trusted", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Certificates trusted by the user (SHA-256 fingerprints)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save trusted certificates to " + file, e);
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read trusted certificates from " + file, e);
            }
        }
        return p;
    }
}
