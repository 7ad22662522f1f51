package io.portside.transfer;

import io.portside.files.FileEntry;
import io.portside.files.FileSystemView;
import java.io.IOException;

/**
 * The {@code NAME.part} beside a target: what has arrived so far. The target is only replaced
 * by renaming a complete, size-checked part over it, so a failed transfer never harms it.
 */
final class PartFile {
    static final String SUFFIX = ".part";

    private PartFile() {
    }

    static String of(String target) {
        return target + SUFFIX;
    }

    /** Where to resume: the part's size when it is a plausible prefix of the source, else 0. */
    static long resumeOffset(FileSystemView side, String part, long sourceSize) throws IOException {
        FileEntry p = side.stat(part);
        if (p == null || p.directory() || p.size() <= 0) {
            return 0;
        }
        return sourceSize >= 0 && p.size() > sourceSize ? 0 : p.size();
    }

    /** {@code name (1).ext}, {@code name (2).ext}... the first that does not exist (nor its part). */
    static String freeName(FileSystemView side, String target) throws IOException {
        String dir = side.parent(target);
        String name = target.substring(target.length() - nameLength(target));
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 1; ; i++) {
            String candidate = side.child(dir, stem + " (" + i + ")" + ext);
            if (side.stat(candidate) == null && side.stat(of(candidate)) == null) {
                return candidate;
            }
        }
    }

    private static int nameLength(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf(java.io.File.separatorChar));
        return path.length() - cut - 1;
    }
}
