package io.portside.cli;

import java.io.PrintStream;

/** The batch command line: {@code portside ls|get|put ...}. */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("portside: unknown command: " + args[0]);
        return 2;
    }
}
