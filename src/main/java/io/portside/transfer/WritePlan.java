package io.portside.transfer;

import io.portside.ftp.UserMessage;

/**
 * How one file is written, decided before a byte moves: not at all (and why), or to which
 * name and from which byte. A pure decision from what the job runner found out (the policy,
 * the sizes, whether the source is newer), so each conflict policy is tested on its own
 * (WritePlanTest); {@link JobRunner} does the I/O it implies.
 *
 * @param skipped     why the file is not copied; null when it is
 * @param newName     keep the existing target and write to a free name beside it (RENAME)
 * @param appendAt    continue the target itself from this byte (RESUME of an earlier partial copy); -1 when
 *                    the file goes via {@code NAME.part} and is renamed over the target when complete
 * @param resumePart  via {@code NAME.part}: continue a part an earlier attempt left (its size decides
 *                    where, see {@link PartFile#resumeOffset}); false starts the part over
 */
record WritePlan(UserMessage skipped, boolean newName, long appendAt, boolean resumePart) {

    /**
     * @param policy      the conflict's answer (never ASK: that is asked first); ignored without a target
     * @param sourceSize  bytes in the source, -1 when unknown
     * @param targetSize  bytes in the existing target; -1 when there is none, or its size is unknown and
     *                    {@code targetExists} says which
     * @param sourceNewer the source is newer than the target (only asked for OVERWRITE_IF_NEWER)
     * @param text        an ASCII transfer: line ends change the size, so it never resumes
     * @param targetUnseen the target's folder was just made by the queue: nothing there to resume
     */
    static WritePlan decide(ConflictPolicy policy, boolean targetExists, long sourceSize, long targetSize,
                            boolean sourceNewer, boolean text, boolean targetUnseen) {
        WritePlan fresh = new WritePlan(null, false, -1, !text && !targetUnseen);
        if (!targetExists) {
            return fresh;
        }
        boolean sizesKnownEqual = sourceSize >= 0 && sourceSize == targetSize;
        switch (policy) {
            case SKIP:
                return skip("skip.exists");
            case OVERWRITE_IF_NEWER:
                return sourceNewer ? fresh : skip("skip.notOlder");
            case OVERWRITE_IF_SIZE_DIFFERS:
                return sizesKnownEqual ? skip("skip.sameSize") : fresh;
            case RESUME:
                if (sizesKnownEqual) {
                    return skip("skip.complete");
                }
                // only a shorter target continues; a longer one, or text, starts over (via .part)
                boolean append = !text && targetSize >= 0 && targetSize < sourceSize;
                return append ? new WritePlan(null, false, targetSize, false) : fresh;
            case RENAME:
                return new WritePlan(null, true, -1, false); // a free name has no part to continue
            case OVERWRITE:
                return fresh;
            default:
                throw new IllegalArgumentException("a conflict must be answered before planning the write, not " + policy);
        }
    }

    private static WritePlan skip(String key) {
        return new WritePlan(UserMessage.of(key), false, -1, false);
    }

    boolean appends() {
        return appendAt >= 0;
    }
}
