package dev.parley.views;

import java.time.LocalDate;
import java.util.Set;

/** Reads from another instance's internal query endpoint. Never forwards further. */
public interface RemoteViews {

    ViewAnswer get(String host, ViewStore store, String key, int partition);

    /** Answers {@link ViewAnswer.Found} with a JSON array. */
    ViewAnswer all(String host, ViewStore store, Set<Integer> partitions);

    /** A grouped store's values under one group, as a JSON array. */
    default ViewAnswer group(String host, ViewStore store, String group, int partition) {
        return new ViewAnswer.Unavailable("group reads are not forwarded by " + getClass().getSimpleName());
    }

    /** A versioned store's value as of a day. */
    default ViewAnswer getAsOf(String host, ViewStore store, String key, int partition, LocalDate day) {
        return new ViewAnswer.Unavailable("as-of reads are not forwarded by " + getClass().getSimpleName());
    }

    /** A versioned store's values as of a day, as a JSON array. */
    default ViewAnswer allAsOf(String host, ViewStore store, Set<Integer> partitions, LocalDate day) {
        return new ViewAnswer.Unavailable("as-of reads are not forwarded by " + getClass().getSimpleName());
    }
}
