package io.portside.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Assertions on the doctor's report and the protocol log as text a user reads. */
final class LabAssertions {
    private LabAssertions() {
    }

    /** What {@code portside diagnose} printed and logged, each flattened by {@link #flat(String)}. */
    record Diagnosis(String report, String log) {
    }

    /**
     * Runs {@code portside diagnose --timeout 3 --log FILE URL} in the lab's client namespace;
     * at least one method must work (exit 0).
     */
    static Diagnosis diagnose(NetLab lab, String url, String... options) throws Exception {
        Path log = Files.createTempFile("netlab", ".log");
        try {
            List<String> args = new ArrayList<>(List.of("diagnose", "--timeout", "3", "--log", log.toString()));
            args.addAll(Arrays.asList(options));
            args.add(url);
            NetLab.Run r = lab.portside(Duration.ofSeconds(90), args.toArray(String[]::new));
            assertEquals(0, r.exit(), r.toString());
            return new Diagnosis(flat(r.out()), flat(Files.readString(log)));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The text with every run of white space (line wraps, the log's columns) made one space. */
    static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "expected \"" + expected + "\" in:\n" + text);
    }

    /** The report's table has the row {@code step} with this result (OK, FAILED, NOT TESTED). */
    static void assertRow(String flatReport, String step, String result) {
        assertTrue(Pattern.compile("(^| )" + Pattern.quote(step) + " " + Pattern.quote(result) + " ")
                .matcher(flatReport).find(), () -> "expected the row " + step + " " + result + " in:\n" + flatReport);
    }
}
