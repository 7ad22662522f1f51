package io.portside.ftp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Whole-file copies for tests, through the session's streams exactly as the queue's job runner
 * uses them: open ({@code openDownload}/{@code openUpload}, with REST or APPE from an offset),
 * copy, close (the 226, or ABOR when closed early). So what a test proves about transfers is
 * what users' transfers do; there is no second transfer path.
 */
public final class SessionCopy {
    private SessionCopy() {
    }

    /** Downloads {@code path} from {@code offset} into {@code sink}; returns the bytes copied. */
    public static long download(FtpSession s, String path, long offset, OutputStream sink) throws IOException {
        try (InputStream in = s.openDownload(path, offset, TransferType.BINARY)) {
            return in.transferTo(sink);
        }
    }

    public static byte[] download(FtpSession s, String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        download(s, path, 0, out);
        return out.toByteArray();
    }

    /** Uploads {@code source} to {@code path}, from {@code offset} on the server; returns the bytes copied. */
    public static long upload(FtpSession s, InputStream source, String path, long offset) throws IOException {
        try (OutputStream out = s.openUpload(path, offset, TransferType.BINARY)) {
            return source.transferTo(out);
        }
    }

    public static long upload(FtpSession s, byte[] content, String path) throws IOException {
        return upload(s, new ByteArrayInputStream(content), path, 0);
    }
}
