package io.portside.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison of two folders: every entry the filter kept, parents before what they hold,
 * by name within a folder.
 *
 * @param localRootMissing  the local folder does not exist (everything is "only remote")
 * @param remoteRootMissing the remote folder does not exist
 * @param timeLookups       MDTM commands sent because a listed time was too coarse to decide
 */
public record ComparisonResult(List<EntryComparison> entries, boolean localRootMissing, boolean remoteRootMissing,
                               int timeLookups) {
    public ComparisonResult {
        entries = List.copyOf(entries);
    }

    /** The entries that are not {@link EntryState#SAME}. */
    public List<EntryComparison> differences() {
        return entries.stream().filter(e -> e.state() != EntryState.SAME).toList();
    }

    public boolean identical() {
        return entries.stream().allMatch(e -> e.state() == EntryState.SAME);
    }

    /** How many entries are in each state (for a legend or a summary). */
    public Map<EntryState, Integer> counts() {
        Map<EntryState, Integer> m = new EnumMap<>(EntryState.class);
        for (EntryComparison e : entries) {
            m.merge(e.state(), 1, Integer::sum);
        }
        return m;
    }
}
