package io.portside.compare;

import io.portside.transfer.ConflictPolicy;
import java.util.Locale;

/**
 * One line of a sync plan.
 *
 * @param entry    the comparison it comes from (sizes and times of both sides)
 * @param bytes    what a transfer moves (0 for a folder, a delete or a conflict)
 * @param conflict for a transfer whose target exists: how the queue writes it (OVERWRITE, RESUME,
 *                 RENAME); null when the target does not exist
 */
public record PlannedAction(Kind kind, EntryComparison entry, long bytes, ConflictPolicy conflict) {

    public enum Kind {
        DOWNLOAD,
        UPLOAD,
        /** Removes the local file or folder (with what it holds): the source side lacks it. */
        DELETE_LOCAL,
        /** Removes the remote file or folder (with what it holds). */
        DELETE_REMOTE,
        /** Differs, but is left as it is: a type clash, the conflict policy, or no way to tell the newer. */
        SKIP_CONFLICT;

        /** As the plan is printed: download, upload, delete, skip-conflict. */
        public String words() {
            return switch (this) {
                case DELETE_LOCAL, DELETE_REMOTE -> "delete";
                default -> name().toLowerCase(Locale.ROOT).replace('_', '-');
            };
        }

        public boolean transfer() {
            return this == DOWNLOAD || this == UPLOAD;
        }

        public boolean delete() {
            return this == DELETE_LOCAL || this == DELETE_REMOTE;
        }
    }

    public String path() {
        return entry.path();
    }

    /** Making a folder (a transfer of a folder) or deleting one. */
    public boolean folder() {
        return kind == Kind.DELETE_LOCAL ? entry.local().directory()
                : kind == Kind.DELETE_REMOTE ? entry.remote().directory()
                : entry.folder();
    }
}
