package dev.parley.dedup.store;

import java.util.Comparator;

/** An article in a bucket (LSH band, winnowing fingerprint or exact-text key). */
public record Posting(String articleId, long publishedAtMillis) {

    /** Event-time order used everywhere for "earliest": (publishedAt, id). */
    public static final Comparator<Posting> EARLIEST_FIRST =
            Comparator.comparingLong(Posting::publishedAtMillis).thenComparing(Posting::articleId);
}
