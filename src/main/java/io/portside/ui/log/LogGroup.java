package io.portside.ui.log;

import io.portside.ftp.event.LogKind;
import java.util.EnumSet;
import java.util.Set;

/** The kind toggles of the log's filter bar; each covers one or more {@link LogKind}s. */
public enum LogGroup {
    COMMANDS(EnumSet.of(LogKind.COMMAND)),
    REPLIES(EnumSet.of(LogKind.REPLY_1XX, LogKind.REPLY_2XX, LogKind.REPLY_3XX, LogKind.REPLY_4XX, LogKind.REPLY_5XX,
            LogKind.REPLY_ANSWER)),
    TCP_CONTROL(EnumSet.of(LogKind.TCP_CONTROL)),
    TCP_DATA(EnumSet.of(LogKind.TCP_DATA)),
    DECODED(EnumSet.of(LogKind.DECODED)),
    TLS(EnumSet.of(LogKind.TLS)),
    PACKETS(EnumSet.of(LogKind.PACKETS)),
    INFO(EnumSet.of(LogKind.INFO)),
    WARNINGS(EnumSet.of(LogKind.WARNING)),
    ERRORS(EnumSet.of(LogKind.ERROR));

    private final Set<LogKind> kinds;

    LogGroup(Set<LogKind> kinds) {
        this.kinds = kinds;
    }

    public static LogGroup of(LogKind kind) {
        for (LogGroup g : values()) {
            if (g.kinds.contains(kind)) {
                return g;
            }
        }
        throw new IllegalArgumentException(kind.name());
    }
}
