package io.portside.ftp;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.commons.net.ftp.FTPFile;

/** Converts Commons Net's listing entries into {@link RemoteFile}s (keeps Commons Net inside this package). */
final class RemoteFiles {
    private RemoteFiles() {
    }

    /** The entries, and the raw lines that {@link TolerantParserFactory}'s parsers could not read. */
    static Listing convert(FTPFile[] files) {
        List<RemoteFile> out = new ArrayList<>(files.length);
        List<String> unreadable = new ArrayList<>();
        for (FTPFile f : files) {
            if (f == null) {
                continue;
            }
            if (f.getName() == null) {
                if (f.getRawListing() != null && !f.getRawListing().isBlank()) {
                    unreadable.add(f.getRawListing());
                }
                continue;
            }
            String name = f.getName();
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                continue;
            }
            out.add(new RemoteFile(name, type(f), f.getSize(), f.getTimestampInstant(), permissions(f),
                    f.getUser(), f.getGroup(), f.getLink(), precision(f.getTimestamp())));
        }
        return new Listing(out, unreadable);
    }

    /**
     * What the listing told of the time: the parsers leave unset the fields a line did not have
     * (a LIST line of an older file has no hour, a recent one no seconds; MLSD has all).
     */
    static ChronoUnit precision(Calendar time) {
        if (time == null) {
            return null;
        }
        if (!time.isSet(Calendar.HOUR_OF_DAY)) {
            return ChronoUnit.DAYS;
        }
        if (!time.isSet(Calendar.MINUTE)) {
            return ChronoUnit.HOURS;
        }
        return time.isSet(Calendar.SECOND) ? ChronoUnit.SECONDS : ChronoUnit.MINUTES;
    }

    private static RemoteFile.Type type(FTPFile f) {
        if (f.isDirectory()) {
            return RemoteFile.Type.DIRECTORY;
        }
        if (f.isSymbolicLink()) {
            return RemoteFile.Type.LINK;
        }
        return f.isFile() ? RemoteFile.Type.FILE : RemoteFile.Type.OTHER;
    }

    /** {@code rwxr-x---} from the parsed permission bits, or null when the listing had none. */
    private static String permissions(FTPFile f) {
        StringBuilder sb = new StringBuilder(9);
        boolean any = false;
        int[] who = {FTPFile.USER_ACCESS, FTPFile.GROUP_ACCESS, FTPFile.WORLD_ACCESS};
        int[] what = {FTPFile.READ_PERMISSION, FTPFile.WRITE_PERMISSION, FTPFile.EXECUTE_PERMISSION};
        char[] letters = {'r', 'w', 'x'};
        for (int w : who) {
            for (int i = 0; i < 3; i++) {
                boolean has = f.hasPermission(w, what[i]);
                any |= has;
                sb.append(has ? letters[i] : '-');
            }
        }
        return any ? sb.toString() : null;
    }
}
