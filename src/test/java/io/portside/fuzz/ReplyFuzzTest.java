package io.portside.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEventBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A few hundred servers that answer the login with random and mutated replies: opening a
 * session either succeeds or fails with {@link FtpException}, within the timeouts, and every
 * reply still turns into a log line. Replies past the greeting reach USER, PASS, FEAT, OPTS
 * and TYPE, so the multi-line and FEAT parsing is exercised too.
 */
class ReplyFuzzTest {
    private static final int CASES = 200;
    private static final String[] LOGIN = {"220 Welcome to the fuzz\r\n", "331 Password required\r\n",
            "230 Logged in\r\n", "211-Features:\r\n EPSV\r\n MLSD\r\n UTF8\r\n SIZE\r\n REST STREAM\r\n211 End\r\n",
            "200 UTF8 set to on\r\n", "200 Type set to I\r\n", "221 Bye\r\n"};
    private static final String[] ODD = {"220-a\r\n220-b\r\n220 c\r\n", "220-x\r\n230 y\r\n", "220\r\n", "2200 x\r\n",
            "99 x\r\n", "-220 x\r\n", "220 x\n", "220 x\r", "\r\n", "220-\r\n\r\n\r\n220 \r\n", "120 wait\r\n220 ok\r\n",
            "421 go away\r\n", "530 no\r\n", "332 account?\r\n", "211-\r\n\0\0\0\r\n211 \r\n", "999 ?\r\n",
            "220 \u00ff\u00fe\r\n", "550-a\r\n 550 b\r\n550 c\r\n", "331-\r\n331-\r\n331 \r\n"};

    @Test
    void openingASessionEndsInSuccessOrAnFtpException() {
        long seed = System.nanoTime();
        System.out.println("reply fuzz seed " + seed);
        Mutator m = new Mutator(seed);
        SessionOptions opts = SessionOptions.defaults()
                .withTimeouts(Duration.ofMillis(800), Duration.ofMillis(800), Duration.ofMillis(800))
                .withKeepAlive(Duration.ofMinutes(5));
        ProtocolEventBus bus = new ProtocolEventBus();
        LogFormatter formatter = new LogFormatter(Locale.ENGLISH);
        List<String> formatFailures = new ArrayList<>();
        var sub = bus.subscribe(e -> {
            try {
                assertNotNull(formatter.format(e).render());
            } catch (RuntimeException ex) {
                synchronized (formatFailures) {
                    formatFailures.add(e + " -> " + ex);
                }
            }
        });
        Map<String, Integer> outcomes = new TreeMap<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < CASES; i++) {
                List<byte[]> script = script(m);
                String outcome = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> openOnce(script, opts, bus),
                        "seed " + seed + " case " + i + " hung");
                if (outcome.startsWith("!")) {
                    fail("seed " + seed + " case " + i + ": " + outcome.substring(1) + "; script " + describe(script));
                }
                outcomes.merge(outcome, 1, Integer::sum);
            }
        } finally {
            sub.close();
        }
        System.out.println("reply fuzz outcomes in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + outcomes);
        assertTrue(formatFailures.isEmpty(), "log lines failed: " + formatFailures);
        assertTrue(outcomes.keySet().stream().anyMatch(k -> k.startsWith("FtpException")), outcomes.toString());
    }

    /** "opened", the failure's class and its cause's, or "!" and what went wrong. */
    private static String openOnce(List<byte[]> script, SessionOptions opts, ProtocolEventBus bus) throws Exception {
        try (ScriptedReplyServer server = new ScriptedReplyServer(script, 100)) {
            try (FtpSession s = FtpSession.open(Site.ftp("127.0.0.1", server.port(), "fuzz", "pw"), opts, bus, "fz")) {
                return "opened";
            } catch (FtpException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    return "!an FtpException without a sentence";
                }
                Throwable c = e.getCause();
                return e.getClass().getSimpleName() + (c == null ? "" : "/" + c.getClass().getSimpleName());
            } catch (Throwable t) {
                return "!escaped: " + t;
            }
        }
    }

    private static List<byte[]> script(Mutator m) {
        List<byte[]> script = new ArrayList<>();
        int style = m.random().nextInt(4);
        for (String reply : LOGIN) {
            String r = switch (style) {
                case 0 -> m.random().nextInt(3) == 0 ? m.mutate(reply) : reply; // mostly valid, so later replies are reached
                case 1 -> m.random().nextInt(3) == 0 ? m.pick(ODD) : reply;
                case 2 -> m.mutate(m.random().nextBoolean() ? reply : m.pick(ODD));
                default -> m.randomText(m.random().nextInt(40)) + (m.random().nextBoolean() ? "\r\n" : "");
            };
            script.add(m.bytes(r));
        }
        if (m.random().nextInt(10) == 0) {
            script.set(0, m.bytes("220-" + "x".repeat(m.random().nextInt(5000)) + "\r\n220 ok\r\n"));
        }
        return script;
    }

    private static String describe(List<byte[]> script) {
        StringBuilder b = new StringBuilder();
        for (byte[] r : script) {
            b.append('[').append(CodecFuzzTest.escape(new String(r, java.nio.charset.StandardCharsets.ISO_8859_1))).append(']');
        }
        return b.toString();
    }
}
