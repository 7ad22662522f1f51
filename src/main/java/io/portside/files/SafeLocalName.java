package io.portside.files;

import io.portside.ftp.UserMessage;
import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a name a server sent may become a file name inside a local folder. A hostile
 * server can list names like {@code ../../.bashrc}, {@code /etc/passwd}, {@code C:\x} or
 * {@code CON}; a download or mirror must never write outside the folder the user chose, so such
 * entries are refused with a reason in words (for the log) and the caller skips them.
 *
 * <p>The same rules apply on every platform, so a mirror made on Linux can be copied to
 * Windows and the tests mean the same everywhere. The last check, whatever the rules above
 * said, is that the resolved and normalized path still lies directly inside the folder.
 */
public final class SafeLocalName {
    /** Most file systems refuse longer names; better a clear reason than a failed write. */
    static final int MAX_NAME_BYTES = 255;

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "COM\u00b9", "COM\u00b2", "COM\u00b3",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
            "LPT\u00b9", "LPT\u00b2", "LPT\u00b3");

    private SafeLocalName() {
    }

    /** The outcome: either a path inside the folder, or the reason to skip the entry. */
    public record Decision(String remoteName, Path path, UserMessage reason) {
        public boolean accepted() {
            return path != null;
        }

        /** A sentence for the status bar, e.g. {@code skipped "../x": '..' would leave the folder}; null when accepted. */
        public UserMessage warning() {
            return accepted() ? null : UserMessage.of("name.skippedWarning", printableName(), reason);
        }

        /** The remote name fit for a log line: control characters as \\uXXXX, clipped. */
        public String printableName() {
            return printable(remoteName);
        }

        /**
         * The log event for a skipped entry: {@code bus.publish(decision.skippedNotice(id))}
         * shows as {@code skipped "../x" from the server: '..' would leave the folder (...)}.
         */
        public ProtocolEvent.Notice skippedNotice(ConnectionId connection) {
            return new ProtocolEvent.Notice(Instant.now(), connection, ProtocolEvent.Notice.Severity.WARNING,
                    "name.skipped", List.of(printableName(), reason == null ? UserMessage.verbatim("") : reason));
        }
    }

    /**
     * Resolves one remote name (a single path segment, not a path) inside {@code folder}.
     * Refuses a name that already exists locally as a symbolic link, which could point anywhere.
     */
    public static Decision resolve(Path folder, String remoteName) {
        UserMessage why = problemWith(remoteName);
        if (why != null) {
            return refused(remoteName, why);
        }
        Path base = folder.toAbsolutePath().normalize();
        Path candidate;
        try {
            candidate = base.resolve(remoteName).normalize();
        } catch (InvalidPathException e) {
            return refused(remoteName, UserMessage.of("name.invalidHere", e.getReason()));
        }
        // Final guard, whatever the rules above missed: exactly one level below the folder.
        if (!candidate.startsWith(base) || candidate.equals(base) || !base.equals(candidate.getParent())) {
            return refused(remoteName, UserMessage.of("name.leaves"));
        }
        if (Files.isSymbolicLink(candidate)) {
            return refused(remoteName, UserMessage.of("name.symlinkThere"));
        }
        return new Decision(remoteName, candidate, null);
    }

    /**
     * Resolves a remote path given as its segments below the mirrored folder (e.g. ["docs",
     * "2024", "a.txt"]): every segment must pass {@link #resolve}, and no segment on the way may
     * be a local symbolic link or a file where a folder is needed.
     */
    public static Decision resolve(Path folder, List<String> remoteSegments) {
        String joined = String.join("/", remoteSegments);
        if (remoteSegments.isEmpty()) {
            return refused(joined, UserMessage.of("name.empty"));
        }
        Path current = folder.toAbsolutePath().normalize();
        for (int i = 0; i < remoteSegments.size(); i++) {
            Decision d = resolve(current, remoteSegments.get(i));
            if (!d.accepted()) {
                return refused(joined, d.reason());
            }
            boolean last = i == remoteSegments.size() - 1;
            if (!last && Files.exists(d.path(), LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(d.path(), LinkOption.NOFOLLOW_LINKS)) {
                return refused(joined, UserMessage.of("name.fileNotFolder", printable(remoteSegments.get(i))));
            }
            current = d.path();
        }
        Path base = folder.toAbsolutePath().normalize();
        if (!current.startsWith(base)) {
            return refused(joined, UserMessage.of("name.leaves"));
        }
        return new Decision(joined, current, null);
    }

    /** Shortcut for callers that only need the verdict. */
    public static boolean isSafe(String remoteName) {
        return problemWith(remoteName) == null;
    }

    /** Null when the name is acceptable as a single file name, else the reason in words. */
    static UserMessage problemWith(String name) {
        if (name == null || name.isEmpty()) {
            return UserMessage.of("name.empty");
        }
        if (name.equals(".")) {
            return UserMessage.of("name.dot");
        }
        if (name.equals("..")) {
            return UserMessage.of("name.dotDot");
        }
        if (name.indexOf('\0') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
            return UserMessage.of("name.control");
        }
        if (name.indexOf('/') >= 0) {
            return UserMessage.of(name.startsWith("/") ? "name.absolute" : "name.slash");
        }
        if (name.indexOf('\\') >= 0) {
            return UserMessage.of("name.backslash");
        }
        if (DRIVE.matcher(name).matches()) {
            return UserMessage.of("name.drive");
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            // Windows drops them, so "a." would overwrite "a"; ".." is handled above.
            return UserMessage.of("name.trailing");
        }
        if (isWindowsReserved(name)) {
            return UserMessage.of("name.reserved");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return UserMessage.of("name.tooLong", MAX_NAME_BYTES);
        }
        if (hasLoneSurrogate(name)) {
            return UserMessage.of("name.notUnicode");
        }
        return null;
    }

    /** CON, con.txt, "aux .tar.gz": Windows looks at the part before the first dot, trailing spaces ignored. */
    static boolean isWindowsReserved(String name) {
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).stripTrailing();
        return RESERVED.contains(stem.toUpperCase(Locale.ROOT));
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static Decision refused(String name, UserMessage reason) {
        return new Decision(name, null, reason);
    }

    /** Names in log lines: control characters shown as \\uXXXX, length clipped. */
    static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (sb.length() > 120) {
                sb.append("...");
                break;
            }
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
