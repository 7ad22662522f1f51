package io.portside.ftp;

import java.time.Instant;

/**
 * One entry of a remote listing.
 *
 * @param size        bytes, or -1 when the listing did not say
 * @param modified    null when unknown
 * @param permissions e.g. {@code rwxr-xr-x}, or null
 * @param linkTarget  for symbolic links, or null
 */
public record RemoteFile(String name, Type type, long size, Instant modified, String permissions, String owner,
                         String group, String linkTarget) {

    public enum Type { FILE, DIRECTORY, LINK, OTHER }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }
}
