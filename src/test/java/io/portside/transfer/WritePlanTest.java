package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The write plan of each conflict policy, as a pure decision: skip (and why), or where the bytes
 * go (a free name, the target itself from an offset, or NAME.part, continued or started over).
 */
class WritePlanTest {
    private static final boolean EXISTS = true;
    private static final boolean NONE = false;

    /** Via NAME.part, continuing a part an earlier attempt left. */
    private static final WritePlan VIA_PART = new WritePlan(null, false, -1, true);
    /** Via NAME.part, from byte 0. */
    private static final WritePlan PART_FROM_ZERO = new WritePlan(null, false, -1, false);

    private static WritePlan plan(ConflictPolicy p, boolean exists, long source, long target) {
        return WritePlan.decide(p, exists, source, target, false, false, false);
    }

    /** A skip, with its reason in English as the command line prints it. */
    private static void assertSkips(String why, WritePlan plan) {
        assertEquals(why, plan.skipped() == null ? null : plan.skipped().toString());
        assertEquals(new WritePlan(plan.skipped(), false, -1, false), plan);
    }

    @Test
    void withoutATargetEveryPolicyWritesViaThePartAndContinuesIt() {
        for (ConflictPolicy p : ConflictPolicy.values()) {
            assertEquals(VIA_PART, plan(p, NONE, 100, -1), p.name());
        }
        assertEquals(VIA_PART, WritePlan.decide(null, NONE, 100, -1, false, false, false), "no conflict, no policy");
    }

    @Test
    void aTargetInAFolderTheQueueJustMadeOrTextStartsThePartOver() {
        assertEquals(PART_FROM_ZERO, WritePlan.decide(null, NONE, 100, -1, false, false, true), "new folder");
        assertEquals(PART_FROM_ZERO, WritePlan.decide(null, NONE, 100, -1, false, true, false), "ASCII");
    }

    @Test
    void skipAndOverwrite() {
        assertSkips("the target exists", plan(ConflictPolicy.SKIP, EXISTS, 100, 100));
        assertEquals(VIA_PART, plan(ConflictPolicy.OVERWRITE, EXISTS, 100, 100), "the target is replaced only by a complete part");
    }

    @Test
    void newerOverwritesOnlyWhenTheSourceIsNewer() {
        assertEquals(VIA_PART, WritePlan.decide(ConflictPolicy.OVERWRITE_IF_NEWER, EXISTS, 100, 100, true, false, false));
        assertSkips("the target is not older than the source",
                WritePlan.decide(ConflictPolicy.OVERWRITE_IF_NEWER, EXISTS, 100, 50, false, false, false));
    }

    @Test
    void sizeDiffersOverwritesUnlessBothSizesAreKnownAndEqual() {
        assertSkips("the target has the same size", plan(ConflictPolicy.OVERWRITE_IF_SIZE_DIFFERS, EXISTS, 100, 100));
        assertEquals(VIA_PART, plan(ConflictPolicy.OVERWRITE_IF_SIZE_DIFFERS, EXISTS, 100, 99));
        assertEquals(VIA_PART, plan(ConflictPolicy.OVERWRITE_IF_SIZE_DIFFERS, EXISTS, -1, -1), "unknown sizes: copy");
    }

    @Test
    void resumeContinuesAShorterTargetItselfFromItsEnd() {
        WritePlan p = plan(ConflictPolicy.RESUME, EXISTS, 100, 40);
        assertEquals(new WritePlan(null, false, 40, false), p);
        assertEquals(true, p.appends());
        assertSkips("the target is complete already", plan(ConflictPolicy.RESUME, EXISTS, 100, 100));
    }

    @Test
    void resumeStartsOverViaThePartWhenTheTargetCannotBeAPrefix() {
        assertEquals(VIA_PART, plan(ConflictPolicy.RESUME, EXISTS, 100, 140), "longer than the source");
        assertEquals(VIA_PART, plan(ConflictPolicy.RESUME, EXISTS, -1, 40), "the source's size is unknown");
        assertEquals(VIA_PART, plan(ConflictPolicy.RESUME, EXISTS, 100, -1), "the target's size is unknown");
        assertEquals(PART_FROM_ZERO, WritePlan.decide(ConflictPolicy.RESUME, EXISTS, 100, 40, false, true, false),
                "text changes size on the way: never appended");
    }

    @Test
    void renameWritesToAFreeNameFromByteZero() {
        WritePlan p = plan(ConflictPolicy.RENAME, EXISTS, 100, 100);
        assertEquals(new WritePlan(null, true, -1, false), p);
        assertEquals(false, p.appends());
    }

    @Test
    void askMustBeAnsweredFirst() {
        assertThrows(IllegalArgumentException.class, () -> plan(ConflictPolicy.ASK, EXISTS, 100, 100));
    }
}
