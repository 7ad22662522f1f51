package io.portside.ftp.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes frames to a classic pcap file (microsecond timestamps) that Wireshark and tcpdump
 * open: the {@code --capture-file} of our own connections' packets. A frame of another link
 * type than the first is left out, as one pcap file has one link type.
 */
final class PcapFileWriter implements AutoCloseable {
    private static final int SNAPLEN = 262144;
    private final OutputStream out;
    private int linkType = -1;
    private final Path path;

    PcapFileWriter(Path path) throws IOException {
        this.path = path;
        this.out = new BufferedOutputStream(Files.newOutputStream(path));
    }

    Path path() {
        return path;
    }

    synchronized void write(Frame f) throws IOException {
        if (linkType < 0) {
            linkType = f.linkType();
            header(linkType);
        }
        if (f.linkType() != linkType) {
            return;
        }
        ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt((int) f.time().getEpochSecond()).putInt(f.time().getNano() / 1000).putInt(f.data().length)
                .putInt(f.originalLength());
        out.write(r.array());
        out.write(f.data());
    }

    /** Writes at least the file header, so a capture that saw nothing is still a valid (empty) file. */
    @Override
    public synchronized void close() throws IOException {
        if (linkType < 0) {
            header(1);
        }
        out.close();
    }

    private void header(int type) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN).putInt(type);
        out.write(h.array());
    }
}
