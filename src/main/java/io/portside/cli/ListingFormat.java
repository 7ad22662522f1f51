package io.portside.cli;

import io.portside.ftp.RemoteFile;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One listing entry as {@code ls -l} would show it: type and permissions, size, date, name. */
final class ListingFormat {
    private final DateTimeFormatter dates;

    ListingFormat(ZoneId zone) {
        this.dates = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    /** {@code -rw-r--r--      307200 2024-05-01 12:00 report.pdf}; unknown parts are "?" or "-". */
    String line(RemoteFile f) {
        char type = switch (f.type()) {
            case DIRECTORY -> 'd';
            case LINK -> 'l';
            case FILE -> '-';
            case OTHER -> '?';
        };
        String permissions = f.permissions() == null ? "?????????" : f.permissions();
        String size = f.size() < 0 ? "-" : Long.toString(f.size());
        String date = f.modified() == null ? "????-??-?? ??:??" : dates.format(f.modified());
        String link = f.linkTarget() == null ? "" : " -> " + TerminalText.printable(f.linkTarget());
        return String.format("%c%-9s %12s %s %s%s", type, permissions, size, date, TerminalText.printable(f.name()), link);
    }
}
