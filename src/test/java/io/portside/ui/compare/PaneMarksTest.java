package io.portside.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portside.compare.ComparisonResult;
import io.portside.compare.EntryComparison;
import io.portside.compare.EntryState;
import io.portside.compare.TimeOrder;
import io.portside.files.FileEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each pane's rows wear for each "compare by", without a window. */
class PaneMarksTest {
    private static FileEntry file(String name, long size) {
        return new FileEntry(name, "/" + name, false, size, Instant.EPOCH);
    }

    private static final ComparisonResult RESULT = new ComparisonResult(List.of(
            new EntryComparison("a", file("a", 1), file("a", 2), EntryState.DIFFERENT_SIZE, TimeOrder.LOCAL_NEWER),
            new EntryComparison("b", file("b", 1), file("b", 1), EntryState.REMOTE_NEWER, TimeOrder.REMOTE_NEWER),
            new EntryComparison("c", file("c", 1), null, EntryState.ONLY_LOCAL, TimeOrder.UNKNOWN),
            new EntryComparison("d", file("d", 1), file("d", 1), EntryState.SAME, TimeOrder.SAME)), false, false, 0);

    @Test
    void sizeAndTime() {
        PaneMarks m = PaneMarks.of(RESULT, CompareBy.SIZE_AND_TIME);
        assertEquals(Map.of("a", RowMark.SIZE_DIFFERS, "c", RowMark.ONLY_HERE), m.local());
        assertEquals(Map.of("a", RowMark.SIZE_DIFFERS, "b", RowMark.NEWER_HERE), m.remote());
        assertEquals(Set.of("a", "b", "c"), m.differing());
    }

    @Test
    void timeOnlyMarksTheNewerSideEvenWhenSizesDiffer() {
        PaneMarks m = PaneMarks.of(RESULT, CompareBy.TIME);
        assertEquals(Map.of("a", RowMark.NEWER_HERE, "c", RowMark.ONLY_HERE), m.local());
        assertEquals(Map.of("b", RowMark.NEWER_HERE), m.remote());
    }

    @Test
    void sizeOnlyIgnoresTimes() {
        PaneMarks m = PaneMarks.of(RESULT, CompareBy.SIZE);
        assertEquals(Map.of("a", RowMark.SIZE_DIFFERS), m.remote());
        assertEquals(Set.of("a", "c"), m.differing());
        assertEquals(1, m.count(RowMark.ONLY_HERE));
    }
}
