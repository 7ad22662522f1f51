package io.portside.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Seeded mutations of valid protocol text: the kind of damage a broken or hostile server
 * produces (changed digits, huge numbers, missing or doubled separators, control bytes,
 * invalid UTF-8, truncation). The same seed gives the same cases, so a failure can be replayed.
 */
final class Mutator {
    private static final String[] TOKENS = {"0", "255", "256", "-1", "65535", "65536", "99999999999999999999",
            "2147483648", ",", ",,", "|", "||", "(", ")", " ", "\t", "\r", "\n", "\r\n", "\0", "\u0085", "\ufeff",
            "\u0663", "\uff11", "é", "ÿ", "..", "/", "\\", ":", ";", "=", "-", "->", "<DIR>", "PM", "AM", "type=",
            "size=", "modify=", "Jan", "Feb 29", "24:61", "1970", "9999", "d", "l", "rwx", "+", "%", "%n", "\ud800"};

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A copy of {@code valid} with one to four random edits. */
    String mutate(String valid) {
        StringBuilder s = new StringBuilder(valid);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
            switch (random.nextInt(8)) {
                case 0 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 1 -> {
                    if (at < s.length()) {
                        s.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (at < s.length()) {
                        s.setCharAt(at, (char) random.nextInt(0x180));
                    }
                }
                case 3 -> s.setLength(at); // truncated
                case 4 -> { // a digit run replaced by a strange number
                    int d = indexOfDigit(s, at);
                    if (d >= 0) {
                        int end = d;
                        while (end < s.length() && Character.isDigit(s.charAt(end))) {
                            end++;
                        }
                        s.replace(d, end, TOKENS[random.nextInt(8)]);
                    }
                }
                case 5 -> { // a chunk doubled
                    int len = Math.min(s.length() - Math.min(at, s.length()), 1 + random.nextInt(8));
                    s.insert(at, s.substring(Math.min(at, s.length()), Math.min(at, s.length()) + len));
                }
                case 6 -> s.insert(at, randomText(1 + random.nextInt(6)));
                default -> {
                    if (at < s.length()) {
                        s.setCharAt(at, TOKENS[random.nextInt(TOKENS.length)].charAt(0));
                    }
                }
            }
        }
        return s.toString();
    }

    /** Printable, control and non-ASCII characters mixed. */
    String randomText(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                s.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (kind < 8) {
                s.append(TOKENS[random.nextInt(TOKENS.length)]);
            } else if (kind < 9) {
                s.append((char) random.nextInt(0x20));
            } else {
                s.append((char) random.nextInt(0x10000));
            }
        }
        return s.toString();
    }

    /** Mostly UTF-8 of {@code text}, sometimes with raw bytes that are not valid UTF-8. */
    byte[] bytes(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0 && random.nextInt(4) == 0) {
            b[random.nextInt(b.length)] = (byte) (0x80 + random.nextInt(0x80));
        }
        return b;
    }

    String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private int indexOfDigit(CharSequence s, int from) {
        for (int i = 0; i < s.length(); i++) {
            int j = (from + i) % s.length();
            if (Character.isDigit(s.charAt(j))) {
                return j;
            }
        }
        return -1;
    }
}
