package io.portside.ui.compare;

/** What View › Directory comparison looks at (FileZilla: "compare file size", "compare modification time"). */
public enum CompareBy {
    SIZE, TIME, SIZE_AND_TIME;

    boolean size() {
        return this != TIME;
    }

    boolean time() {
        return this != SIZE;
    }
}
