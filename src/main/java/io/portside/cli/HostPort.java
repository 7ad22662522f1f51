package io.portside.cli;

/** "198.18.0.2:2121", "probe.example.org:2121" or "[fd77::2]:2121", as --probe and --listen take them. */
record HostPort(String host, int port) {
    static HostPort parse(String option, String value) throws CliException {
        String v = value.strip();
        int colon = v.lastIndexOf(':');
        String host = colon < 0 ? "" : v.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            host = ""; // an IPv6 address needs its brackets, or the port cannot be told from it
        }
        try {
            int port = Integer.parseInt(v.substring(colon + 1));
            if (!host.isEmpty() && port >= 1 && port <= 65535) {
                return new HostPort(host, port);
            }
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            // worded below
        }
        throw CliException.usage(option + " must be HOST:PORT (an IPv6 address in brackets: [::1]:2121), not '"
                + TerminalText.printable(value) + "'");
    }
}
