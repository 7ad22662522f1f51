package io.portside.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.Protocol;
import io.portside.sites.PasswordMode;
import io.portside.sites.SiteProfile;
import io.portside.sites.SiteStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what versions before the encrypted site store wrote into {@code settings.json}: saved
 * sites with their passwords in clear, and a history in an older shape. The sites move into
 * the site store WITHOUT their passwords (the user types them once more, or stores them under
 * a master password), so no clear password survives the next save of the settings.
 */
public final class LegacySites {
    private LegacySites() {
    }

    /** Drops history entries in the old shape (they had no password mode); the history refills itself. */
    static void dropOldHistory(JsonNode settings) {
        if (settings instanceof ObjectNode o && o.get("recent") instanceof ArrayNode recent) {
            for (int i = recent.size() - 1; i >= 0; i--) {
                if (!recent.get(i).has("passwordMode")) {
                    recent.remove(i);
                }
            }
        }
    }

    /**
     * Moves the sites an older version left in {@code settings} into {@code sites} (a site of
     * the same name already there wins) and saves the settings without them.
     */
    public static void moveToStore(AppSettings settings, SettingsStore store, SiteStore sites) throws IOException {
        if (settings.sites.isEmpty()) {
            return;
        }
        for (SiteProfile p : toProfiles(settings.sites)) {
            if (sites.find(p.name()).isEmpty()) {
                sites.save(p, null);
            }
        }
        settings.sites.clear();
        store.save(settings);
    }

    /** The old entries as profiles, password not stored; entries that make no sense are left out. */
    public static List<SiteProfile> toProfiles(List<JsonNode> old) {
        List<SiteProfile> out = new ArrayList<>();
        for (JsonNode n : old) {
            try {
                String host = n.path("host").asText("");
                String name = n.path("name").asText("");
                out.add(new SiteProfile(name.isBlank() ? host : name,
                        Protocol.ofScheme(n.path("protocol").asText("ftp")), host, n.path("port").asInt(21),
                        n.path("user").asText(""), PasswordMode.NOT_STORED,
                        "ACTIVE".equalsIgnoreCase(n.path("mode").asText()) ? DataMode.ACTIVE : DataMode.PASSIVE,
                        n.path("extended").asBoolean() ? ExtendedMode.ALWAYS : ExtendedMode.AUTO,
                        blankToNull(n.path("remoteFolder").asText("")), blankToNull(n.path("localFolder").asText("")),
                        n.path("charset").asText("UTF-8"), 0));
            } catch (IllegalArgumentException ignored) {
                // a damaged entry is dropped rather than blocking the start
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
