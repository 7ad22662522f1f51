package io.portside.compare;

/**
 * What a comparison looks at.
 *
 * @param recursive into sub-folders, or this folder only
 */
public record ComparisonSettings(boolean recursive, EntryFilter filter, TimeRule time) {
    public static final ComparisonSettings DEFAULT = new ComparisonSettings(true, EntryFilter.ALL, TimeRule.DEFAULT);
}
