package io.portside.transfer;

import java.util.Locale;

/** What to do when the target of a file transfer exists already. */
public enum ConflictPolicy {
    /** Ask the {@link ConflictResolver} (the UI's dialog); without one, skip. */
    ASK,
    OVERWRITE,
    /** Overwrite when the source is newer than the target, else skip. */
    OVERWRITE_IF_NEWER,
    /** Overwrite when the sizes differ, else skip. */
    OVERWRITE_IF_SIZE_DIFFERS,
    /** Continue the target where it ends (it is taken to be an earlier, partial copy). */
    RESUME,
    /** Keep both: write to {@code name (1).ext}, {@code name (2).ext}... */
    RENAME,
    SKIP;

    /** The CLI's names: overwrite, skip, resume, newer, rename, size, ask. */
    public static ConflictPolicy parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "overwrite" -> OVERWRITE;
            case "newer" -> OVERWRITE_IF_NEWER;
            case "size", "size-differs" -> OVERWRITE_IF_SIZE_DIFFERS;
            case "resume" -> RESUME;
            case "rename" -> RENAME;
            case "skip" -> SKIP;
            case "ask" -> ASK;
            default -> throw new IllegalArgumentException(
                    "unknown conflict policy '" + s + "' (use overwrite, skip, resume, newer, rename or size)");
        };
    }
}
