package io.portside;

import io.portside.cli.Cli;
import io.portside.ui.PortsideApp;
import javafx.application.Application;

/**
 * Entry point of the runnable jar and the installed app.
 *
 * <p>A plain class rather than the {@link Application} subclass itself: when the main class
 * extends Application and JavaFX sits on the classpath (not the module path), the launcher
 * refuses with "JavaFX runtime components are missing".
 *
 * <p>No arguments opens the window; a sub-command runs the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(PortsideApp.class, args);
        } else {
            System.exit(Cli.run(args, System.out, System.err));
        }
    }
}
