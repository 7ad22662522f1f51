package io.portside.files;

import java.util.ArrayList;
import java.util.List;

/**
 * A path on an FTP server: slash-separated, absolute ({@code /pub/x}) or relative to the login
 * folder ({@code docs/x}, what an {@code ftp://host/docs/x} URL names). Immutable. The one type
 * the window, the queue and the command line join and split remote paths with, so that they
 * agree: the parent of {@code a} is the login folder, of {@code /a} the root, and neither the
 * root nor the login folder has a parent anyone can name.
 *
 * <p>{@link #of} reads text the way a person types it: empty and {@code .} segments go,
 * {@code ..} takes the segment before it away (at the root it stays at the root; at the start
 * of a relative path it is kept, for the server to resolve). {@link #child} takes a name as the
 * server listed it, literally, as one segment.
 */
public final class RemotePath {
    /** "/". */
    public static final RemotePath ROOT = new RemotePath(true, List.of());
    /** The folder the server put us in at login (written "" in commands, "." for people). */
    public static final RemotePath LOGIN = new RemotePath(false, List.of());

    private final boolean absolute;
    private final List<String> segments;

    private RemotePath(boolean absolute, List<String> segments) {
        this.absolute = absolute;
        this.segments = List.copyOf(segments);
    }

    /** Parses {@code text} ("/a/b/", "a//b", "a/../b", "" or "." for the login folder). */
    public static RemotePath of(String text) {
        boolean abs = text.startsWith("/");
        return (abs ? ROOT : LOGIN).resolve(text);
    }

    /** {@code typed} seen from this folder: an absolute path as itself, a relative one below this. */
    public RemotePath resolve(String typed) {
        if (typed.startsWith("/")) {
            return ROOT.append(typed);
        }
        return append(typed);
    }

    private RemotePath append(String text) {
        List<String> parts = new ArrayList<>(segments);
        for (String s : text.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else if (!s.equals("..") || !absolute) {
                parts.add(s); // ".." above the root is the root; above the login folder it is the server's to resolve
            }
        }
        return new RemotePath(absolute, parts);
    }

    /** The entry {@code name} in this folder; the name is taken as the server listed it (one segment). */
    public RemotePath child(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a file name cannot be empty");
        }
        List<String> parts = new ArrayList<>(segments);
        parts.add(name);
        return new RemotePath(absolute, parts);
    }

    /** The folder that holds this; null for the root and the login folder. */
    public RemotePath parent() {
        if (segments.isEmpty()) {
            return null;
        }
        return new RemotePath(absolute, segments.subList(0, segments.size() - 1));
    }

    /** The last segment; "" for the root and the login folder. */
    public String name() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    public List<String> segments() {
        return segments;
    }

    public boolean isAbsolute() {
        return absolute;
    }

    /** True for "/" and for the login folder. */
    public boolean isTop() {
        return segments.isEmpty();
    }

    /** As a person reads it: "/", "/pub/x", "docs/x", or "." for the login folder. */
    public String display() {
        String s = toString();
        return s.isEmpty() ? "." : s;
    }

    /** As FTP commands take it: "/", "/pub/x", "docs/x", or "" for the login folder. */
    @Override
    public String toString() {
        return (absolute ? "/" : "") + String.join("/", segments);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemotePath p && p.absolute == absolute && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(absolute) * 31 + segments.hashCode();
    }
}
