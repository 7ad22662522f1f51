package io.portside.ftp;

import java.util.List;

/**
 * A folder's listing as read: the entries, and the raw lines no listing parser could read
 * (never dropped silently: the log and the CLI say how many, and which).
 */
public record Listing(List<RemoteFile> files, List<String> unreadable) {
    public Listing {
        files = List.copyOf(files);
        unreadable = List.copyOf(unreadable);
    }

    public static Listing of(List<RemoteFile> files) {
        return new Listing(files, List.of());
    }

    /** The server sent lines, and not one of them could be read: not an empty folder. */
    public boolean nothingReadable() {
        return files.isEmpty() && !unreadable.isEmpty();
    }

    /**
     * Up to the first three unreadable lines, quoted, cut at 80 characters, control characters
     * shown as {@code \\uXXXX}: {@code "a", "b"}. With the count, it says what was not read.
     */
    public String unreadableSample() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(3, unreadable.size()); i++) {
            String line = unreadable.get(i).strip();
            line = line.length() <= 80 ? line : line.substring(0, 77) + "...";
            b.append(i == 0 ? "" : ", ").append('"');
            line.chars().forEach(c -> b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
            b.append('"');
        }
        return b.toString();
    }
}
