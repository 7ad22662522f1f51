package io.portside.ui.compare;

/** How a pane's row stands against the other pane's entry of the same name; its CSS pseudo-class. */
public enum RowMark {
    /** The other side has no entry of this name. */
    ONLY_HERE("cmp-only"),
    /** Same size (or not compared by size), but this side's file is newer. */
    NEWER_HERE("cmp-newer"),
    /** Both are files of different sizes. */
    SIZE_DIFFERS("cmp-size"),
    /** A file here, a folder there (or the other way round). */
    TYPE_CLASH("cmp-clash");

    private final String pseudoClass;

    RowMark(String pseudoClass) {
        this.pseudoClass = pseudoClass;
    }

    public String pseudoClass() {
        return pseudoClass;
    }
}
