package io.portside.ftp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portside.ftp.tls.CertificateInfo.Doubt;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateDoubtsTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void eachReasonIsNamed() {
        CertificateInfo ca = new CertificateInfo("CN=ftp.example.org", "CN=Some CA", FROM, TO, "AB", true, "PKIX path building failed");
        assertEquals(List.of(Doubt.UNKNOWN_ISSUER), ca.doubts(Instant.parse("2026-06-01T00:00:00Z")));
        assertEquals(List.of(Doubt.EXPIRED, Doubt.UNKNOWN_ISSUER), ca.doubts(Instant.parse("2027-02-01T00:00:00Z")));
        assertEquals(List.of(Doubt.NOT_YET_VALID, Doubt.UNKNOWN_ISSUER), ca.doubts(Instant.parse("2025-02-01T00:00:00Z")));
        CertificateInfo self = new CertificateInfo("CN=box", "CN=box", FROM, TO, "AB", false, "PKIX path building failed");
        assertEquals(List.of(Doubt.WRONG_HOST, Doubt.SELF_SIGNED), self.doubts(Instant.parse("2026-06-01T00:00:00Z")));
        CertificateInfo trusted = new CertificateInfo("CN=a", "CN=Public CA", FROM, TO, "AB", true, null);
        assertEquals(List.of(), trusted.doubts(Instant.parse("2026-06-01T00:00:00Z")));
    }
}
