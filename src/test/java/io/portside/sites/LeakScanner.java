package io.portside.sites;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test helper: looks through every byte of every file under a folder for a password in the
 * forms it could leak in: UTF-8, UTF-16 (both byte orders), hex, and Base64 (standard and URL
 * alphabets, at each of the three alignments it can have inside a longer Base64 text).
 */
public final class LeakScanner {
    private final Map<String, byte[]> forms = new LinkedHashMap<>();

    public LeakScanner(String password) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        forms.put("UTF-8", utf8);
        forms.put("UTF-16LE", password.getBytes(StandardCharsets.UTF_16LE));
        forms.put("UTF-16BE", password.getBytes(StandardCharsets.UTF_16BE));
        forms.put("hex", HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
        forms.put("HEX", HexFormat.of().withUpperCase().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
        for (int shift = 0; shift < 3; shift++) {
            forms.put("Base64@" + shift, base64Core(utf8, shift, Base64.getEncoder()));
            forms.put("Base64url@" + shift, base64Core(utf8, shift, Base64.getUrlEncoder()));
            forms.put("Base64(UTF-16LE)@" + shift,
                    base64Core(password.getBytes(StandardCharsets.UTF_16LE), shift, Base64.getEncoder()));
        }
    }

    /**
     * The Base64 characters that depend only on the password's bytes when {@code shift} other
     * bytes precede it: whatever surrounds it, an encoding of it contains these characters.
     */
    private static byte[] base64Core(byte[] secret, int shift, Base64.Encoder enc) {
        byte[] padded = new byte[shift + secret.length];
        System.arraycopy(secret, 0, padded, shift, secret.length);
        String all = enc.withoutPadding().encodeToString(padded);
        int skip = shift == 0 ? 0 : shift + 1; // characters mixing the preceding bytes
        int usableBytes = (shift + secret.length) / 3 * 3; // whole groups only: the tail mixes with what follows
        int end = usableBytes / 3 * 4;
        return all.substring(Math.min(skip, end), end).getBytes(StandardCharsets.US_ASCII);
    }

    /** Each finding as "file: form"; empty when the folder holds no trace of the password. */
    public List<String> findIn(Path folder) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                forms.forEach((name, needle) -> {
                    if (needle.length >= 4 && indexOf(content, needle) >= 0) {
                        found.add(folder.relativize(f) + ": " + name);
                    }
                });
            }
        }
        return found;
    }

    int formCount() {
        return forms.size();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
