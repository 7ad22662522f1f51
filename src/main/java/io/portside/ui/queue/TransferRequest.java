package io.portside.ui.queue;

import java.nio.file.Path;

/**
 * One thing to copy: {@code local} and {@code remote} are the two ends (the target may not
 * exist yet); {@code folder} copies the folder with everything in it.
 */
public record TransferRequest(Direction direction, Path local, String remote, boolean folder, long size) {

    public enum Direction { UPLOAD, DOWNLOAD }
}
