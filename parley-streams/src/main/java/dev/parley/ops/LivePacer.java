package dev.parley.ops;

import java.time.Duration;
import java.time.Instant;

/**
 * Simulated live arrival: articles are sent in publication order, each when as much wall-clock time has passed since
 * the first as publication time has, divided by the speed factor (speed 3600: an hour of coverage per second).
 */
public final class LivePacer {

    private final double speed;
    private Instant firstPublished;
    private long startNanos;

    public LivePacer(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        this.speed = speed;
    }

    /** How long to wait, at {@code nowNanos}, before sending an article published at {@code publishedAt}. */
    public Duration delayFor(Instant publishedAt, long nowNanos) {
        if (firstPublished == null) {
            firstPublished = publishedAt;
            startNanos = nowNanos;
            return Duration.ZERO;
        }
        double eventNanos = Duration.between(firstPublished, publishedAt).toNanos();
        long dueNanos = startNanos + (long) (eventNanos / speed);
        return Duration.ofNanos(Math.max(0, dueNanos - nowNanos));
    }
}
