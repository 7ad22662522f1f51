package io.portside.ui.compare;

import io.portside.compare.ComparisonResult;
import io.portside.compare.EntryComparison;
import io.portside.compare.TimeOrder;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A one-level comparison as the two panes show it: each side's row marks by name, the names
 * that differ (for "show only differences"), and the counts the legend shows.
 *
 * @param counts   how many entries carry each mark, both sides together (a newer file is counted once)
 * @param compared false for {@link #NONE}: nothing compared (off, or on its way)
 */
public record PaneMarks(Map<String, RowMark> local, Map<String, RowMark> remote, Set<String> differing,
                        Map<RowMark, Integer> counts, boolean compared) {

    public static final PaneMarks NONE = new PaneMarks(Map.of(), Map.of(), Set.of(), Map.of(), false);

    public static PaneMarks of(ComparisonResult result, CompareBy by) {
        Map<String, RowMark> local = new HashMap<>();
        Map<String, RowMark> remote = new HashMap<>();
        Map<RowMark, Integer> counts = new EnumMap<>(RowMark.class);
        Set<String> differing = new HashSet<>();
        for (EntryComparison e : result.entries()) {
            RowMark here = null;
            RowMark there = null;
            switch (e.state()) {
                case ONLY_LOCAL -> here = RowMark.ONLY_HERE;
                case ONLY_REMOTE -> there = RowMark.ONLY_HERE;
                case TYPE_CLASH -> here = there = RowMark.TYPE_CLASH;
                default -> {
                    if (e.folder()) {
                        break;
                    }
                    if (by.size() && e.sizeDiffers()) {
                        here = there = RowMark.SIZE_DIFFERS;
                    } else if (by.time() && e.time() == TimeOrder.LOCAL_NEWER) {
                        here = RowMark.NEWER_HERE;
                    } else if (by.time() && e.time() == TimeOrder.REMOTE_NEWER) {
                        there = RowMark.NEWER_HERE;
                    }
                }
            }
            if (here != null) {
                local.put(e.name(), here);
            }
            if (there != null) {
                remote.put(e.name(), there);
            }
            RowMark counted = here != null ? here : there;
            if (counted != null) {
                differing.add(e.name());
                counts.merge(counted, 1, Integer::sum);
            }
        }
        return new PaneMarks(Map.copyOf(local), Map.copyOf(remote), Set.copyOf(differing), Map.copyOf(counts),
                true);
    }

    public int count(RowMark mark) {
        return counts.getOrDefault(mark, 0);
    }

    /** Marks as the pane's rows wear them: name to CSS pseudo-class. */
    static Map<String, String> pseudoClasses(Map<String, RowMark> marks) {
        Map<String, String> m = new HashMap<>();
        marks.forEach((name, mark) -> m.put(name, mark.pseudoClass()));
        return m;
    }
}
