package dev.parley.views;

import java.util.Set;

/** Reads from another instance's internal query endpoint. Never forwards further. */
public interface RemoteViews {

    ViewAnswer get(String host, ViewStore store, String key, int partition);

    /** Answers {@link ViewAnswer.Found} with a JSON array. */
    ViewAnswer all(String host, ViewStore store, Set<Integer> partitions);
}
