package io.portside.cli;

/** The command line's exit codes (documented in README.md, "Command line"). */
public final class ExitCode {
    /** Everything worked. */
    public static final int OK = 0;
    /** The server refused, or the network failed: connection, login, a missing remote file. */
    public static final int REMOTE_FAILURE = 1;
    /** compare: the folders differ (like diff; a failure is 1 too, and says so on stderr). */
    public static final int DIFFERENT = 1;
    /** The command line itself is wrong: unknown command or option, bad value, bad URL. */
    public static final int USAGE = 2;
    /** A local file could not be read or written (missing source, no such folder, disk full). */
    public static final int LOCAL_FAILURE = 3;
    /** A bug in Portside; run again with --debug and report the stack trace. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCode() {
    }
}
