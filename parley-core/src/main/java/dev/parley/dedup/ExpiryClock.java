package dev.parley.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The dedup index's "now" for expiry, which wrongly dated articles cannot push ahead (README "Horizon and
 * lateness"). Two rules:
 * <ol>
 * <li>an article counts at most {@link #FUTURE_TOLERANCE} past the time it was ingested: a date in the future is
 * a wrong date;</li>
 * <li>the clock is the {@link #QUORUM}-th latest of those times over distinct articles: an article dated correctly
 * but months after the rest of a backfill (a file dated by its modification time, among old coverage) is one
 * article, and one article alone must not expire everything else.</li>
 * </ol>
 * Until a quorum of articles has been seen the clock has no value and nothing expires. Immutable.
 */
public final class ExpiryClock {

    /** How far past its ingestion an article's date still counts: time zones, day-precision dates, clock skew. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    /** How many distinct articles must have reached a time before the clock does. */
    public static final int QUORUM = 3;

    private record Seen(long millis, String articleId) {
        static final Comparator<Seen> LATEST_FIRST =
                Comparator.comparingLong(Seen::millis).reversed().thenComparing(Seen::articleId);
    }

    private static final ExpiryClock START = new ExpiryClock(List.of());

    /** The QUORUM latest times, latest first. */
    private final List<Seen> latest;

    private ExpiryClock(List<Seen> latest) {
        this.latest = latest;
    }

    public static ExpiryClock start() {
        return START;
    }

    /** The time an article counts for in expiry: its date, but never more than the tolerance past its ingestion. */
    public static Instant countedTime(Instant publishedAt, Instant ingestedAt) {
        Instant latestCredible = ingestedAt.plus(FUTURE_TOLERANCE);
        return publishedAt.isAfter(latestCredible) ? latestCredible : publishedAt;
    }

    /** The clock after one more article; the same article again changes nothing. */
    public ExpiryClock observe(String articleId, Instant publishedAt, Instant ingestedAt) {
        long t = countedTime(publishedAt, ingestedAt).toEpochMilli();
        if (latest.stream().anyMatch(s -> s.articleId().equals(articleId))) {
            return this;
        }
        if (latest.size() == QUORUM && t <= latest.get(QUORUM - 1).millis()) {
            return this;
        }
        TreeSet<Seen> next = new TreeSet<>(Seen.LATEST_FIRST);
        next.addAll(latest);
        next.add(new Seen(t, articleId));
        return new ExpiryClock(next.stream().limit(QUORUM).toList());
    }

    /** Now, for expiry: the time a quorum of distinct articles has reached; empty before a quorum was seen. */
    public Optional<Instant> now() {
        return latest.size() < QUORUM ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(latest.get(QUORUM - 1).millis()));
    }

    @Override
    public String toString() {
        return "ExpiryClock" + now().map(Instant::toString).orElse("(no quorum yet)");
    }
}
