package io.portside.ftp;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a server says it can do, from its FEAT reply. A hint, not a promise: servers advertise
 * features they then refuse, so callers still handle 5xx replies.
 */
public final class ServerCapabilities {
    private final Map<String, String> features;

    private ServerCapabilities(Map<String, String> features) {
        this.features = features;
    }

    public static final ServerCapabilities NONE = new ServerCapabilities(Map.of());

    /** Parses the lines of a 211 FEAT reply (first and last line are the 211 frame). */
    public static ServerCapabilities fromFeatReply(String[] lines) {
        Map<String, String> map = new TreeMap<>();
        for (String raw : lines) {
            if (raw == null || raw.length() < 2 || !raw.startsWith(" ")) {
                continue; // the 211- frame lines, or garbage
            }
            String line = raw.trim();
            int sp = line.indexOf(' ');
            String name = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
            map.put(name, sp < 0 ? "" : line.substring(sp + 1).trim());
        }
        return new ServerCapabilities(Collections.unmodifiableMap(map));
    }

    public boolean has(String feature) {
        return features.containsKey(feature.toUpperCase(Locale.ROOT));
    }

    /** The parameter text of a feature, e.g. {@code REST STREAM} -> {@code STREAM}; "" when none. */
    public String parameters(String feature) {
        return features.getOrDefault(feature.toUpperCase(Locale.ROOT), "");
    }

    public boolean mlsd() {
        return has("MLST");
    }

    public boolean size() {
        return has("SIZE");
    }

    public boolean mdtm() {
        return has("MDTM");
    }

    public boolean mfmt() {
        return has("MFMT");
    }

    public boolean restStream() {
        return has("REST");
    }

    public boolean epsv() {
        return has("EPSV");
    }

    public boolean eprt() {
        return has("EPRT");
    }

    public boolean utf8() {
        return has("UTF8");
    }

    public boolean authTls() {
        return parameters("AUTH").toUpperCase(Locale.ROOT).contains("TLS");
    }

    public Map<String, String> all() {
        return features;
    }

    @Override
    public String toString() {
        return String.join(" ", features.keySet());
    }
}
