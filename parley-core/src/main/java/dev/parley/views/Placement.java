package dev.parley.views;

import java.util.Set;

/** One instance hosting active partitions of a store. */
public record Placement(String host, boolean local, Set<Integer> partitions) {

    public Placement {
        partitions = Set.copyOf(partitions);
    }
}
