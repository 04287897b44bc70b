package dev.parley.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiryClockTest {

    private static final Instant INGESTED = Instant.parse("2026-12-02T03:00:00Z");
    private static final Instant MARCH = Instant.parse("2026-03-03T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void aDateInTheFutureCountsAsItsIngestionTimePlusTheTolerance() {
        assertThat(ExpiryClock.countedTime(INGESTED.plus(DAY.multipliedBy(270)), INGESTED))
                .isEqualTo(INGESTED.plus(ExpiryClock.FUTURE_TOLERANCE));
        assertThat(ExpiryClock.countedTime(INGESTED.plus(Duration.ofHours(3)), INGESTED))
                .isEqualTo(INGESTED.plus(Duration.ofHours(3)));
        assertThat(ExpiryClock.countedTime(MARCH, INGESTED)).isEqualTo(MARCH);
    }

    @Test
    void theClockHasNoValueUntilAQuorumOfArticlesAndThenIsTheirEarliest() {
        ExpiryClock clock = ExpiryClock.start();
        for (int i = 0; i < ExpiryClock.QUORUM - 1; i++) {
            clock = clock.observe("a" + i, MARCH.plus(DAY.multipliedBy(i)), INGESTED);
            assertThat(clock.now()).isEmpty();
        }
        clock = clock.observe("last", MARCH.plus(DAY.multipliedBy(10)), INGESTED);
        assertThat(clock.now()).contains(MARCH);
        clock = clock.observe("later", MARCH.plus(DAY.multipliedBy(20)), INGESTED);
        assertThat(clock.now()).contains(MARCH.plus(DAY));
    }

    @Test
    void oneArticleMonthsAheadOfABackfillMovesTheClockNoFurtherThanTheOthers() {
        ExpiryClock clock = ExpiryClock.start();
        for (int i = 0; i < 10; i++) {
            clock = clock.observe("march-" + i, MARCH.plus(DAY.multipliedBy(i % 5)), INGESTED);
        }
        Instant latestOfTheOthers = MARCH.plus(DAY.multipliedBy(4));
        // Dated by its file's modification time: today, 270 days after the others, and not in the future.
        clock = clock.observe("undated", INGESTED, INGESTED);
        assertThat(clock.now()).contains(latestOfTheOthers);
        // The same article again is still one article.
        clock = clock.observe("undated", INGESTED, INGESTED).observe("undated", INGESTED, INGESTED);
        assertThat(clock.now()).contains(latestOfTheOthers);
    }

    @Test
    void theClockNeverGoesBack() {
        ExpiryClock clock = ExpiryClock.start();
        for (int i = 0; i < ExpiryClock.QUORUM; i++) {
            clock = clock.observe("new-" + i, MARCH.plus(DAY.multipliedBy(30)), INGESTED);
        }
        Instant now = clock.now().orElseThrow();
        clock = clock.observe("old", MARCH, INGESTED);
        assertThat(clock.now()).contains(now);
    }
}
