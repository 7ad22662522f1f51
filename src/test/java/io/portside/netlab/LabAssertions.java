package io.portside.netlab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

/** Assertions on the doctor's report and the protocol log as text a user reads. */
final class LabAssertions {
    private LabAssertions() {
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
