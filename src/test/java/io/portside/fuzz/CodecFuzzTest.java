package io.portside.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.portside.ftp.DataEndpoint;
import io.portside.ftp.DataEndpointCodec;
import io.portside.ftp.FtpProtocolException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and mutated PASV/EPSV/PORT/EPRT texts: the codec either decodes an
 * address with a port in 0-65535 or raises {@link FtpProtocolException}; nothing else escapes.
 */
class CodecFuzzTest {
    private static final int CASES_PER_PARSER = 5_000;

    interface Parse {
        DataEndpoint apply(String text) throws FtpProtocolException;
    }

    private static final String[] VALID = {
            "227 Entering Passive Mode (127,0,0,1,19,137)", "227 Entering Passive Mode (192,168,0,1,20,245).",
            "227 =10,0,0,7,255,255", "227 Passive 127,0,0,1,0,21", "127,0,0,1,9,39", "0,0,0,0,0,0",
            "229 Entering Extended Passive Mode (|||6446|)", "229 EPSV ok (!!!1!)", "229 (###65535#)",
            "|1|127.0.0.1|6275|", "|2|::1|6275|", "!2!fe80::1%eth0!21!", "|1|255.255.255.255|1|"};

    @Test
    void pasvRepliesDecodeOrFailWithAProtocolError() {
        fuzz("PASV", DataEndpointCodec::parsePasvReply, true);
    }

    @Test
    void portArgumentsDecodeOrFailWithAProtocolError() {
        fuzz("PORT", DataEndpointCodec::parsePortArgument, true);
    }

    @Test
    void epsvRepliesDecodeOrFailWithAProtocolError() {
        fuzz("EPSV", DataEndpointCodec::parseEpsvReply, false);
    }

    @Test
    void eprtArgumentsDecodeOrFailWithAProtocolError() {
        fuzz("EPRT", DataEndpointCodec::parseEprtArgument, true);
    }

    private void fuzz(String what, Parse parse, boolean namesHost) {
        long seed = System.nanoTime();
        System.out.println(what + " codec fuzz seed " + seed);
        Mutator m = new Mutator(seed);
        int[] decoded = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < CASES_PER_PARSER; i++) {
                String input = switch (i % 5) {
                    case 0 -> m.randomText(m.random().nextInt(60));
                    case 1 -> m.mutate(m.mutate(m.pick(VALID)));
                    case 2 -> i % 97 == 2 ? null : m.mutate(m.pick(VALID)) + m.randomText(3);
                    default -> m.mutate(m.pick(VALID));
                };
                try {
                    DataEndpoint d = parse.apply(input);
                    decoded[0]++;
                    assertNotNull(d, "null result");
                    assertTrue(d.port() >= 0 && d.port() <= 65535, "port " + d.port());
                    if (namesHost) {
                        assertNotNull(d.host(), "no host");
                        assertFalse(d.host().isEmpty(), "empty host");
                    } else {
                        assertNull(d.host(), "EPSV names no host");
                    }
                } catch (FtpProtocolException expected) {
                    assertNotNull(expected.getMessage());
                    assertTrue(expected.getMessage().length() < 600, "the message is bounded");
                } catch (Throwable t) {
                    fail(what + " seed " + seed + " case " + i + " input <" + escape(input) + "> threw " + t, t);
                }
            }
        });
        // The mutations keep many inputs valid; a fuzzer that never reaches a success tests half the code.
        assertTrue(decoded[0] > CASES_PER_PARSER / 200, what + ": only " + decoded[0] + " inputs decoded");
        System.out.println(what + ": " + decoded[0] + " of " + CASES_PER_PARSER + " decoded");
    }

    static String escape(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
