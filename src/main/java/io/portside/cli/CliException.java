package io.portside.cli;

/** A failure the command line reports as one line, with its own exit code ({@link ExitCode}). */
public final class CliException extends Exception {
    private final int exitCode;

    private CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(message, ExitCode.USAGE, null);
    }

    public static CliException localFile(String message, Throwable cause) {
        return new CliException(message, ExitCode.LOCAL_FAILURE, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
