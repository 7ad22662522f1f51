package io.portside.diagnose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces host names and addresses in a report's text with placeholders, for pasting into a
 * forum or ticket. Known names first (the server as {@code <server>}, us as {@code <client>}),
 * then any address literal left over, so nothing slips through in a quoted server reply.
 */
final class Redactor {
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])\\d{1,3}(\\.\\d{1,3}){3}(?![\\d.])");
    /** The host part of PORT/PASV arguments: 10,0,0,5 (followed by the two port numbers). */
    private static final Pattern IPV4_COMMAS = Pattern.compile("(?<![\\d,])\\d{1,3}(,\\d{1,3}){3}(?=,\\d{1,3},\\d{1,3})");
    /** Contains "::" or at least three hex groups with colons; so a clock time like 12:41:07 is left alone. */
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![\\w:])(?=[0-9a-fA-F:]*::|(?:[0-9a-fA-F]{1,4}:){3})[0-9a-fA-F:]{2,39}(?![\\w:])");
    private final Map<String, String> known = new LinkedHashMap<>();

    /** Adds a name or address to replace; the first placeholder given for a literal wins. */
    Redactor replace(String literal, String placeholder) {
        if (literal != null && !literal.isBlank()) {
            known.putIfAbsent(literal, placeholder);
            if (IPV4.matcher(literal).matches()) {
                known.putIfAbsent(literal.replace('.', ','), placeholder);
            }
        }
        return this;
    }

    String apply(String text) {
        String t = text;
        // longest first, so 10.0.0.55 is not half-replaced by a rule for 10.0.0.5
        for (String k : known.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            String around = k.contains(",")
                    ? "(?<![\\d,])" + Pattern.quote(k) + "(?=,\\d)" // the host part of 127,0,0,1,9,39
                    : "(?<![\\w.-])" + Pattern.quote(k) + "(?![\\w-]|\\.\\w)";
            t = Pattern.compile(around).matcher(t).replaceAll(java.util.regex.Matcher.quoteReplacement(known.get(k)));
        }
        t = IPV4.matcher(t).replaceAll("<address>");
        t = IPV4_COMMAS.matcher(t).replaceAll("<address>");
        return IPV6.matcher(t).replaceAll("<address>");
    }
}
