package io.portside.compare;

import io.portside.compare.PlannedAction.Kind;
import io.portside.files.FileEntry;
import io.portside.transfer.ConflictPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a comparison into a plan. One way (mirror): what the target lacks is copied, a file
 * that differs in size or is newer on the source is copied as {@code conflict} says (OVERWRITE,
 * RESUME, RENAME; SKIP and ASK keep it and list it as a conflict; OVERWRITE_IF_NEWER copies
 * only a source that is newer), an identical file, or one only newer on the target, is left
 * and counted; a type clash is a conflict; with {@code delete}, what only the target has is
 * deleted (a folder with everything in it, as one action), after every transfer. Both ways:
 * the newer side wins, and files that differ with no newer side are conflicts.
 */
public final class SyncPlanner {
    private SyncPlanner() {
    }

    public static SyncPlan plan(ComparisonResult comparison, SyncDirection direction, ConflictPolicy conflict,
                                boolean delete) {
        List<PlannedAction> actions = new ArrayList<>();
        List<PlannedAction> deletes = new ArrayList<>();
        int unchanged = 0;
        String deleting = null; // the folder being deleted: what it holds goes with it
        for (EntryComparison e : comparison.entries()) {
            if (deleting != null && e.path().startsWith(deleting + "/")) {
                continue;
            }
            deleting = null;
            boolean toLocal = direction == SyncDirection.REMOTE_TO_LOCAL;
            FileEntry source = toLocal ? e.remote() : e.local();
            FileEntry target = toLocal ? e.local() : e.remote();
            Kind copy = toLocal ? Kind.DOWNLOAD : Kind.UPLOAD;
            if (direction == SyncDirection.BOTH) {
                unchanged += both(e, actions);
            } else if (e.state() == EntryState.TYPE_CLASH) {
                actions.add(new PlannedAction(Kind.SKIP_CONFLICT, e, 0, null));
            } else if (source == null) {
                if (delete) {
                    deletes.add(new PlannedAction(toLocal ? Kind.DELETE_LOCAL : Kind.DELETE_REMOTE, e, 0, null));
                    deleting = target.directory() ? e.path() : null;
                }
            } else if (target == null) {
                actions.add(new PlannedAction(copy, e, size(source), null));
            } else if (!source.directory()) {
                boolean sourceNewer = e.time() == (toLocal ? TimeOrder.REMOTE_NEWER : TimeOrder.LOCAL_NEWER);
                if (!e.sizeDiffers() && !sourceNewer) {
                    unchanged++;
                } else if (conflict == ConflictPolicy.SKIP || conflict == ConflictPolicy.ASK
                        || conflict == ConflictPolicy.OVERWRITE_IF_NEWER && !sourceNewer) {
                    actions.add(new PlannedAction(Kind.SKIP_CONFLICT, e, 0, null));
                } else {
                    ConflictPolicy write = conflict == ConflictPolicy.RESUME || conflict == ConflictPolicy.RENAME
                            ? conflict : ConflictPolicy.OVERWRITE;
                    actions.add(new PlannedAction(copy, e, size(source), write));
                }
            }
        }
        actions.addAll(deletes);
        return new SyncPlan(actions, unchanged);
    }

    /** Both ways: returns 1 when the entry is left unchanged. */
    private static int both(EntryComparison e, List<PlannedAction> actions) {
        switch (e.state()) {
            case ONLY_LOCAL -> actions.add(new PlannedAction(Kind.UPLOAD, e, size(e.local()), null));
            case ONLY_REMOTE -> actions.add(new PlannedAction(Kind.DOWNLOAD, e, size(e.remote()), null));
            case TYPE_CLASH -> actions.add(new PlannedAction(Kind.SKIP_CONFLICT, e, 0, null));
            default -> {
                if (e.folder()) {
                    return 0;
                }
                if (e.time() == TimeOrder.LOCAL_NEWER) {
                    actions.add(new PlannedAction(Kind.UPLOAD, e, size(e.local()), ConflictPolicy.OVERWRITE));
                } else if (e.time() == TimeOrder.REMOTE_NEWER) {
                    actions.add(new PlannedAction(Kind.DOWNLOAD, e, size(e.remote()), ConflictPolicy.OVERWRITE));
                } else if (e.sizeDiffers()) {
                    actions.add(new PlannedAction(Kind.SKIP_CONFLICT, e, 0, null));
                } else {
                    return 1;
                }
            }
        }
        return 0;
    }

    private static long size(FileEntry f) {
        return f.directory() ? 0 : Math.max(0, f.size());
    }
}
