package io.portside.ui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.portside.ftp.capture.CaptureMode;
import io.portside.sites.SiteProfile;
import io.portside.transfer.TypeChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the window remembers between runs. A plain bean so Jackson reads and writes it; unknown
 * fields from newer versions are ignored rather than failing the start.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AppSettings {
    public double windowX = Double.NaN;
    public double windowY = Double.NaN;
    public double windowWidth = 1200;
    public double windowHeight = 780;
    public boolean maximized;
    /** Divider between the panes and the bottom tabs. */
    public double mainSplit = 0.58;
    /** Divider between the local and the remote pane. */
    public double paneSplit = 0.5;
    /** Column widths by "tableId/columnId". */
    public Map<String, Double> columnWidths = new LinkedHashMap<>();
    public String lastLocalFolder;
    /** "" follows the system; "en" or "zh_CN" overrides it. */
    public String language = "";
    /** BINARY, ASCII or AUTO (see {@link TypeChoice}); anything else reads as BINARY. */
    public String transferType = TypeChoice.BINARY.name();

    /** The remembered transfer type, or binary when the file holds none this version knows. */
    public TypeChoice transferType() {
        try {
            return TypeChoice.valueOf(transferType);
        } catch (IllegalArgumentException | NullPointerException e) {
            return TypeChoice.BINARY;
        }
    }
    /** Edit › Settings…: transfers, connections, the panes. */
    public Preferences preferences = new Preferences();
    /** OFF, ON or AUTO (see {@link CaptureMode}): whether the window captures its connections' packets. */
    public String capture = CaptureMode.AUTO.name();

    /** The remembered capture mode; auto (the window's default) when the file holds none this version knows. */
    public CaptureMode captureMode() {
        try {
            return CaptureMode.valueOf(capture);
        } catch (IllegalArgumentException | NullPointerException e) {
            return CaptureMode.AUTO;
        }
    }

    /** Recent connections, never with a password (a {@link SiteProfile} has none). */
    public List<SiteProfile> recent = new ArrayList<>();
    /**
     * Sites as versions before the encrypted site store kept them, passwords in clear. Read
     * only to move them into {@code sites.json} (see {@link LegacySites}); never written again.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<JsonNode> sites = new ArrayList<>();

    /** Puts a connection at the top of the history, at most 10. */
    public void remember(SiteProfile site) {
        SiteProfile named = site.withName(label(site));
        recent.removeIf(s -> label(s).equals(named.name()));
        recent.add(0, named);
        while (recent.size() > 10) {
            recent.remove(recent.size() - 1);
        }
    }

    /** How the history drop-down shows a site: ftp://user@host:port. */
    public static String label(SiteProfile s) {
        return s.protocol().scheme() + "://" + (s.isAnonymous() ? "" : s.user() + "@") + s.host() + ":" + s.port();
    }
}
