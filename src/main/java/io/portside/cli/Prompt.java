package io.portside.cli;

import java.io.Console;

/** Asks the person at the terminal for a secret, without echo (a password the saved queue does not keep). */
@FunctionalInterface
interface Prompt {
    /** The answer; null when none was given (end of input). */
    char[] secret(String question);

    /** The process's terminal, or null when it has none (input or output redirected, a cron job). */
    static Prompt console() {
        Console console = System.console();
        return console == null ? null : question -> console.readPassword("%s", question);
    }
}
