package io.portside.ui.pane;

/** Slash-separated remote path arithmetic (FTP paths are not local paths). */
public final class RemotePaths {
    private RemotePaths() {
    }

    public static String child(String folder, String name) {
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }

    public static String parent(String path) {
        if (path.equals("/") || path.isEmpty()) {
            return null;
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = p.lastIndexOf('/');
        return slash <= 0 ? "/" : p.substring(0, slash);
    }

    public static String name(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Resolves "..", "." and relative names against {@code current}. */
    public static String resolve(String current, String typed) {
        String t = typed.strip();
        String base = t.startsWith("/") ? "" : current;
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String s : (base + "/" + t).split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(s);
            }
        }
        return "/" + String.join("/", parts);
    }
}
