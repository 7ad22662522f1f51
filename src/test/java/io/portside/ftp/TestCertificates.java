package io.portside.ftp;

import io.portside.ftp.tls.CertificateInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/** Self-signed server certificates made with the JDK's keytool, for FTPS tests. */
public final class TestCertificates {
    public static final String PASSWORD = "keystore-pw";

    private TestCertificates() {
    }

    /** A PKCS#12 keystore with a self-signed certificate for 127.0.0.1. */
    public static Path create(Path dir, String name) throws Exception {
        Path ks = dir.resolve(name + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "ftp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=127.0.0.1, O=Portside tests " + name, "-ext", "SAN=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + out);
        }
        return ks;
    }

    public static String fingerprint(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return CertificateInfo.fingerprint((X509Certificate) ks.getCertificate("ftp"));
    }
}
