package io.portside.ftp.event;

/** What a log line is about; the UI colours and filters by it. */
public enum LogKind {
    COMMAND("->"),
    REPLY_1XX("<-"), REPLY_2XX("<-"), REPLY_3XX("<-"), REPLY_4XX("<-"), REPLY_5XX("<-"),
    /** A 550 to SIZE or MDTM: "no such file" answers the check, it is not an error. */
    REPLY_ANSWER("<-"),
    TCP_CONTROL("TCP"),
    TCP_DATA("TCP"),
    DECODED("i"),
    TLS("TLS"),
    /** Captured packets of our own connections (handshakes, closes, resets). */
    PACKETS("pkt"),
    INFO("i"),
    WARNING("!"),
    ERROR("x");

    private final String marker;

    LogKind(String marker) {
        this.marker = marker;
    }

    /** The short column that tells the kind at a glance: {@code ->} sent, {@code <-} received. */
    public String marker() {
        return marker;
    }

    public static LogKind ofReply(int code) {
        return switch (code / 100) {
            case 1 -> REPLY_1XX;
            case 2 -> REPLY_2XX;
            case 3 -> REPLY_3XX;
            case 4 -> REPLY_4XX;
            default -> REPLY_5XX;
        };
    }
}
