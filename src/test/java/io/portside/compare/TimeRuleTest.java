package io.portside.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portside.files.FileEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The time decisions: each side at its own precision, the server's offset, the tolerance. */
class TimeRuleTest {
    static final Instant MINUTE = Instant.parse("2026-12-03T14:00:00Z");

    static FileEntry local(Instant t) {
        return new FileEntry("a", "/l/a", false, 5, t, false, null, null, ChronoUnit.NANOS);
    }

    static FileEntry remote(Instant t, ChronoUnit precision) {
        return new FileEntry("a", "a", false, 5, t, false, null, null, precision);
    }

    static TimeOrder order(TimeRule rule, Instant local, Instant remote, ChronoUnit precision) {
        return rule.order(local(local), remote(remote, precision));
    }

    @Test
    void toTheSecondTimesAreSameOnlyWhenTheSecondIsTheSame() {
        TimeRule exact = TimeRule.DEFAULT;
        assertEquals(TimeOrder.SAME, order(exact, MINUTE.plusMillis(700), MINUTE, ChronoUnit.SECONDS),
                "the local disk's fraction of a second is below what MLSD or MDTM tell");
        assertEquals(TimeOrder.LOCAL_NEWER, order(exact, MINUTE.plusSeconds(1), MINUTE, ChronoUnit.SECONDS));
        assertEquals(TimeOrder.REMOTE_NEWER, order(exact, MINUTE, MINUTE.plusSeconds(1), ChronoUnit.SECONDS));
    }

    @Test
    void aListTimeToTheMinuteIsComparedToTheMinute() {
        TimeRule exact = TimeRule.DEFAULT;
        // "Dec 3 14:00" is any second from 14:00:00 to 14:00:59: a local time in it is the same
        assertEquals(TimeOrder.SAME, order(exact, MINUTE, MINUTE, ChronoUnit.MINUTES));
        assertEquals(TimeOrder.SAME, order(exact, MINUTE.plusSeconds(59), MINUTE, ChronoUnit.MINUTES));
        assertEquals(TimeOrder.LOCAL_NEWER, order(exact, MINUTE.plusSeconds(60), MINUTE, ChronoUnit.MINUTES));
        assertEquals(TimeOrder.REMOTE_NEWER, order(exact, MINUTE.minusSeconds(1), MINUTE, ChronoUnit.MINUTES));
        // outside the listed minute but within the tolerance of part of it: only an MDTM can tell
        TimeRule thirty = new TimeRule(Duration.ZERO, Duration.ofSeconds(30));
        assertEquals(TimeOrder.AMBIGUOUS, order(thirty, MINUTE.minusSeconds(10), MINUTE, ChronoUnit.MINUTES));
        assertEquals(TimeOrder.AMBIGUOUS, order(thirty, MINUTE.plusSeconds(70), MINUTE, ChronoUnit.MINUTES));
        assertEquals(TimeOrder.REMOTE_NEWER, order(thirty, MINUTE.minusSeconds(31), MINUTE, ChronoUnit.MINUTES));
        assertEquals(TimeOrder.LOCAL_NEWER, order(thirty, MINUTE.plusSeconds(90), MINUTE, ChronoUnit.MINUTES));
        // the same seconds at MDTM's precision decide what the minute could not
        assertEquals(TimeOrder.SAME, order(thirty, MINUTE.minusSeconds(10), MINUTE, ChronoUnit.SECONDS));
        assertEquals(TimeOrder.LOCAL_NEWER, order(exact, MINUTE.plusSeconds(1), MINUTE, ChronoUnit.SECONDS));
    }

    @Test
    void theServerOffsetMovesTheServersTimesBeforeComparing() {
        TimeRule hourAhead = new TimeRule(Duration.ofMinutes(-60), Duration.ZERO);
        Instant serverSays = MINUTE.plus(Duration.ofHours(1));
        assertEquals(TimeOrder.REMOTE_NEWER, order(TimeRule.DEFAULT, MINUTE, serverSays, ChronoUnit.SECONDS));
        assertEquals(TimeOrder.SAME, order(hourAhead, MINUTE, serverSays, ChronoUnit.SECONDS));
        assertEquals(TimeOrder.LOCAL_NEWER, order(hourAhead, MINUTE.plusSeconds(2), serverSays, ChronoUnit.SECONDS));
    }

    @Test
    void theToleranceIsInclusiveBothWays() {
        TimeRule two = new TimeRule(Duration.ZERO, Duration.ofSeconds(2));
        assertEquals(TimeOrder.SAME, order(two, MINUTE.plusSeconds(2), MINUTE, ChronoUnit.SECONDS));
        assertEquals(TimeOrder.SAME, order(two, MINUTE.minusSeconds(2), MINUTE, ChronoUnit.SECONDS));
        assertEquals(TimeOrder.LOCAL_NEWER, order(two, MINUTE.plusSeconds(3), MINUTE, ChronoUnit.SECONDS));
        assertEquals(TimeOrder.REMOTE_NEWER, order(two, MINUTE.minusSeconds(3), MINUTE, ChronoUnit.SECONDS));
    }

    @Test
    void noTimeOnEitherSideIsUnknown() {
        assertEquals(TimeOrder.UNKNOWN, TimeRule.DEFAULT.order(local(MINUTE), remote(null, null)));
        assertEquals(TimeOrder.UNKNOWN, TimeRule.DEFAULT.order(local(null), remote(MINUTE, ChronoUnit.SECONDS)));
    }
}
