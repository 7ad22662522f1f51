package io.portside.ftp;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Remembers where an upload's source stood, so a transfer refused before it began can run again. */
final class SourceRewind {
    private final InputStream source;
    private final long filePosition;
    private final boolean marked;

    private SourceRewind(InputStream source, long filePosition, boolean marked) {
        this.source = source;
        this.filePosition = filePosition;
        this.marked = marked;
    }

    static SourceRewind mark(InputStream source) {
        if (source instanceof FileInputStream f) {
            try {
                return new SourceRewind(source, f.getChannel().position(), false);
            } catch (IOException e) {
                return new SourceRewind(source, -1, false);
            }
        }
        if (source.markSupported()) {
            source.mark(Integer.MAX_VALUE);
            return new SourceRewind(source, -1, true);
        }
        return new SourceRewind(source, -1, false);
    }

    /** Puts the source back where it stood; false when that is impossible. */
    boolean rewind() {
        try {
            if (filePosition >= 0) {
                ((FileInputStream) source).getChannel().position(filePosition);
                return true;
            }
            if (marked) {
                source.reset();
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
