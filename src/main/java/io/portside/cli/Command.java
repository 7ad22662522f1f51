package io.portside.cli;

import io.portside.ftp.FtpException;

/**
 * One sub-command of {@code portside}. To add one, write a class and give it one line in
 * {@link Cli}'s command table.
 */
public interface Command {
    /** The word that selects it: "get". */
    String name();

    /** Its operands as in a usage line: "URL [LOCALFILE]". */
    String operands();

    /** What it does, for --help (may span lines). */
    String description();

    /**
     * Runs it; returns the exit code. Failures are thrown: an {@link FtpException} becomes
     * exit 1 with its message, a {@link CliException} its own code.
     */
    int run(CommandContext context) throws FtpException, CliException;
}
