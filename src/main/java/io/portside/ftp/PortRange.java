package io.portside.ftp;

/** An inclusive range of local TCP ports for active-mode listening; {@link #ANY} lets the OS choose. */
public record PortRange(int min, int max) {
    public static final PortRange ANY = new PortRange(0, 0);

    public PortRange {
        if (min < 0 || max > 65535 || min > max) {
            throw new IllegalArgumentException("bad port range " + min + "-" + max);
        }
    }

    public boolean isAny() {
        return min == 0;
    }
}
