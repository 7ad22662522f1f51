package io.portside.ftp.capture;

import java.time.Instant;

/**
 * One captured frame as the capture file holds it.
 *
 * @param linkType     the pcap LINKTYPE_ of {@code data} (1 Ethernet, 113/276 Linux cooked, 0 null...)
 * @param data         the captured bytes (possibly cut at the snapshot length)
 * @param originalLength the frame's length on the wire
 */
record Frame(int linkType, Instant time, byte[] data, int originalLength) {
}
