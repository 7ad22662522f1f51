package io.portside.ui.pane;

import java.time.Instant;

/**
 * One row of a file pane, local or remote.
 *
 * @param path        full path on its side (local absolute path, or remote path)
 * @param size        bytes, -1 unknown (always -1 for folders)
 * @param permissions {@code rwxr-xr-x} or null (remote only)
 */
public record FileEntry(String name, String path, Kind kind, long size, Instant modified, String permissions,
                        String owner) {

    public enum Kind { FOLDER, FILE, LINK }

    /** The row for an entry of {@link io.portside.files.FileSystemView#browse}: folders show no size. */
    public static FileEntry of(io.portside.files.FileEntry e) {
        Kind kind = e.directory() ? Kind.FOLDER : e.link() ? Kind.LINK : Kind.FILE;
        return new FileEntry(e.name(), e.path(), kind, e.directory() ? -1 : e.size(), e.modified(), e.permissions(),
                e.owner());
    }

    public boolean isFolder() {
        return kind == Kind.FOLDER;
    }

    /** The type column: "Folder", or the extension in capitals ("TXT"), or "" with none. */
    public String extension() {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toUpperCase(java.util.Locale.ROOT);
    }
}
