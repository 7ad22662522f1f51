package io.portside.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Test helper: runs the command line in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    /** {@code ftp://user:password@127.0.0.1:port/path} of the embedded server, as the CLI tests type it. */
    static String url(io.portside.server.SandboxServer server, String path) {
        return "ftp://" + server.user() + ":" + server.password() + "@127.0.0.1:" + server.port() + "/" + path;
    }

    /** {@code ftp://user:password@host:port/path} of a real interop server, the password percent-encoded. */
    static String url(io.portside.interop.InteropServers.ServerInfo s, String path) {
        return "ftp://" + s.user() + ":" + java.net.URLEncoder.encode(s.password(), StandardCharsets.UTF_8) + "@"
                + s.host() + ":" + s.port() + "/" + path;
    }

    /** Runs in this JVM's working folder. */
    static CliRun of(String... args) {
        return in(Path.of(""), args);
    }

    /** Runs as if started in {@code cwd}: relative local names start there. */
    static CliRun in(Path cwd, String... args) {
        return in(cwd, null, args);
    }

    /** @param prompt the person at the terminal (null: there is none, as in a cron job) */
    static CliRun in(Path cwd, Prompt prompt, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(Locale.ENGLISH, ZoneOffset.UTC, false, cwd, prompt).execute(args, o, e);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
    }
}
