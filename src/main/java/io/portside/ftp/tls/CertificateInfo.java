package io.portside.ftp.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a user needs to decide whether to trust a server's certificate.
 *
 * @param sha256      the fingerprint as {@code openssl x509 -fingerprint -sha256} prints it (AB:CD:...)
 * @param hostMatches whether the certificate names the host we connected to
 * @param problem     why the system's trust store refused it, or null when it did not
 */
public record CertificateInfo(String subject, String issuer, Instant notBefore, Instant notAfter, String sha256,
                              boolean hostMatches, String problem) {

    public static CertificateInfo of(X509Certificate cert, String host, String problem) {
        return new CertificateInfo(cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), fingerprint(cert),
                HostNameMatch.matches(cert, host), problem);
    }

    public boolean selfSigned() {
        return subject.equals(issuer);
    }

    /** Why a user should think twice, in the order that matters most; empty when nothing is wrong. */
    public enum Doubt { EXPIRED, NOT_YET_VALID, WRONG_HOST, SELF_SIGNED, UNKNOWN_ISSUER }

    /**
     * The doubts about this certificate at {@code now}, in words a user can act on instead of
     * the trust store's "PKIX path building failed" (kept in {@link #problem} for the details).
     */
    public List<Doubt> doubts(Instant now) {
        List<Doubt> out = new java.util.ArrayList<>();
        if (now.isAfter(notAfter)) {
            out.add(Doubt.EXPIRED);
        }
        if (now.isBefore(notBefore)) {
            out.add(Doubt.NOT_YET_VALID);
        }
        if (!hostMatches) {
            out.add(Doubt.WRONG_HOST);
        }
        if (selfSigned()) {
            out.add(Doubt.SELF_SIGNED);
        } else if (problem != null) {
            out.add(Doubt.UNKNOWN_ISSUER);
        }
        return out;
    }

    public static String fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /**
     * Accepts a fingerprint as users paste it: hex with or without colons or spaces, any case,
     * with or without a {@code SHA256 Fingerprint=} prefix. Returns the canonical AB:CD:... form.
     */
    public static String normalizeFingerprint(String text) {
        String t = text.trim();
        int eq = t.lastIndexOf('=');
        if (eq >= 0) {
            t = t.substring(eq + 1);
        }
        String hex = t.replaceAll("[:\\s]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("'" + text + "' is not a SHA-256 fingerprint (64 hex digits, colons optional)");
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }

    /** RFC 6125-style match of the subject alternative names (or, lacking them, the CN). */
    static final class HostNameMatch {
        private HostNameMatch() {
        }

        static boolean matches(X509Certificate cert, String host) {
            String h = host.toLowerCase(Locale.ROOT);
            try {
                Collection<List<?>> sans = cert.getSubjectAlternativeNames();
                if (sans != null && !sans.isEmpty()) {
                    for (List<?> san : sans) {
                        String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
                        int type = (Integer) san.get(0);
                        if ((type == 2 && dnsMatches(value, h)) || (type == 7 && value.equals(h))) {
                            return true;
                        }
                    }
                    return false;
                }
            } catch (CertificateParsingException e) {
                return false;
            }
            String dn = cert.getSubjectX500Principal().getName();
            for (String part : dn.split(",")) {
                if (part.trim().toUpperCase(Locale.ROOT).startsWith("CN=")
                        && dnsMatches(part.trim().substring(3).toLowerCase(Locale.ROOT), h)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean dnsMatches(String pattern, String host) {
            if (pattern.startsWith("*.")) {
                int dot = host.indexOf('.');
                return dot > 0 && host.substring(dot).equals(pattern.substring(1));
            }
            return pattern.equals(host);
        }
    }
}
