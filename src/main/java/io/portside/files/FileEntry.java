package io.portside.files;

import java.time.Instant;

/**
 * One file or folder on either side.
 *
 * @param size     bytes, or -1 when unknown
 * @param modified null when unknown
 */
public record FileEntry(String name, String path, boolean directory, long size, Instant modified) {
}
