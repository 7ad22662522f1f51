package io.portside.ui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
    public List<SavedSite> recent = new ArrayList<>();
    public List<SavedSite> sites = new ArrayList<>();

    /** Puts a connection at the top of the history (no password kept), at most 10. */
    public void remember(SavedSite site) {
        SavedSite plain = site.withoutPassword();
        recent.removeIf(s -> s.label().equals(plain.label()));
        recent.add(0, plain);
        while (recent.size() > 10) {
            recent.remove(recent.size() - 1);
        }
    }
}
