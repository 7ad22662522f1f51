package io.portside.compare;

import io.portside.files.FileEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which entries a comparison, a mirror or a sync looks at: the same filter for all three.
 * Globs ({@code *} within a name, {@code **} across folders, {@code ?}, {@code [abc]},
 * {@code {a,b}}) without a {@code /} match the entry's name, with one its path below the
 * compared folder ({@code docs/*.pdf}). An excluded folder is left out with all it holds; the
 * include patterns pick files only (folders are always entered, so that {@code *.txt} finds
 * text files at any depth). Hidden entries (names starting with a dot) and files outside the
 * size limits can be left out too.
 */
public final class EntryFilter {
    /** Everything. */
    public static final EntryFilter ALL = new EntryFilter(List.of(), List.of(), false, -1, -1);

    private final List<String> include;
    private final List<String> exclude;
    private final List<Glob> includeGlobs;
    private final List<Glob> excludeGlobs;
    private final boolean skipHidden;
    private final long minSize;
    private final long maxSize;

    /**
     * @param minSize smallest file size kept in bytes, or -1 for no limit
     * @param maxSize largest file size kept in bytes, or -1 for no limit
     */
    public EntryFilter(List<String> include, List<String> exclude, boolean skipHidden, long minSize, long maxSize) {
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
        this.includeGlobs = include.stream().map(Glob::new).toList();
        this.excludeGlobs = exclude.stream().map(Glob::new).toList();
        this.skipHidden = skipHidden;
        this.minSize = minSize;
        this.maxSize = maxSize;
    }

    /** Whether both limits are set and no size could meet them (the smallest above the largest). */
    public static boolean sizesCrossed(long minSize, long maxSize) {
        return minSize >= 0 && maxSize >= 0 && minSize > maxSize;
    }

    public List<String> include() {
        return include;
    }

    public List<String> exclude() {
        return exclude;
    }

    public boolean skipHidden() {
        return skipHidden;
    }

    /** @param relativePath the entry's path below the compared folder, "/"-separated ("docs/a.txt") */
    public boolean accepts(String relativePath, FileEntry entry) {
        if (skipHidden && entry.name().startsWith(".")) {
            return false;
        }
        for (Glob g : excludeGlobs) {
            if (g.matches(relativePath, entry.name())) {
                return false;
            }
        }
        if (entry.directory()) {
            return true;
        }
        if (!includeGlobs.isEmpty() && includeGlobs.stream().noneMatch(g -> g.matches(relativePath, entry.name()))) {
            return false;
        }
        long size = entry.size();
        return size < 0 || (minSize < 0 || size >= minSize) && (maxSize < 0 || size <= maxSize);
    }

    /** One pattern, compiled once. */
    private static final class Glob {
        private final boolean wholePath;
        private final Pattern pattern;

        Glob(String glob) {
            this.wholePath = glob.contains("/");
            this.pattern = Pattern.compile(regex(glob), Pattern.DOTALL);
        }

        boolean matches(String path, String name) {
            return pattern.matcher(wholePath ? path : name).matches();
        }

        static String regex(String glob) {
            StringBuilder b = new StringBuilder();
            List<Integer> braces = new ArrayList<>();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                switch (c) {
                    case '*' -> {
                        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                            i++;
                            if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                                i++;
                                b.append("(?:.*/)?"); // "**/" is also no folder at all
                            } else {
                                b.append(".*");
                            }
                        } else {
                            b.append("[^/]*");
                        }
                    }
                    case '?' -> b.append("[^/]");
                    case '[' -> {
                        int end = glob.indexOf(']', i + 2);
                        if (end < 0) {
                            b.append("\\[");
                        } else {
                            String set = glob.substring(i + 1, end);
                            b.append('[').append(set.startsWith("!") ? "^" + quoteSet(set.substring(1)) : quoteSet(set))
                                    .append(']');
                            i = end;
                        }
                    }
                    case '{' -> {
                        braces.add(b.length());
                        b.append("(?:");
                    }
                    case ',' -> b.append(braces.isEmpty() ? "," : "|");
                    case '}' -> {
                        if (braces.isEmpty()) {
                            b.append("\\}");
                        } else {
                            braces.remove(braces.size() - 1);
                            b.append(')');
                        }
                    }
                    default -> b.append(Pattern.quote(String.valueOf(c)));
                }
            }
            for (int k = 0; k < braces.size(); k++) {
                b.append(')'); // an unclosed brace closes at the end
            }
            return b.toString();
        }

        private static String quoteSet(String set) {
            return set.replace("\\", "\\\\").replace("[", "\\[").replace("&&", "\\&\\&");
        }
    }
}
