package io.portside.compare;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a sync or a mirror would do, in order: folders before what goes in them, deletions last.
 * Immutable; a preview that lets the user untick lines runs {@link #only} of the ticked ones.
 *
 * @param unchanged files left alone because they do not differ in a way the sync acts on
 */
public record SyncPlan(List<PlannedAction> actions, int unchanged) {
    public SyncPlan {
        actions = List.copyOf(actions);
    }

    /** The same plan with only the actions {@code keep} accepts. */
    public SyncPlan only(Predicate<PlannedAction> keep) {
        return new SyncPlan(actions.stream().filter(keep).toList(), unchanged);
    }

    public List<PlannedAction> of(PlannedAction.Kind kind) {
        return actions.stream().filter(a -> a.kind() == kind).toList();
    }

    /** File transfers (not folders made), the files a run moves. */
    public List<PlannedAction> fileTransfers() {
        return actions.stream().filter(a -> a.kind().transfer() && !a.folder()).toList();
    }

    public List<PlannedAction> deletes() {
        return actions.stream().filter(a -> a.kind().delete()).toList();
    }

    public List<PlannedAction> conflicts() {
        return of(PlannedAction.Kind.SKIP_CONFLICT);
    }

    /** Bytes all the transfers move together. */
    public long bytes() {
        return actions.stream().mapToLong(PlannedAction::bytes).sum();
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }
}
