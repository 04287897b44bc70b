package dev.parley.views;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** This instance's view of the stores: who owns what, and reads of the local active partitions. */
public interface StoreDirectory {

    Owner ownerOf(ViewStore store, String key);

    /** Reads one key from the given local partition only: a partition not active here is not queryable. */
    Optional<JsonNode> getLocal(ViewStore store, String key, int partition) throws NotQueryableException;

    /** Every instance with active partitions of the store; not queryable while they are being (re)assigned. */
    List<Placement> placements(ViewStore store) throws NotQueryableException;

    /** Every value in the given local partitions. */
    List<JsonNode> allLocal(ViewStore store, Set<Integer> partitions) throws NotQueryableException;

    /**
     * The values of a grouped store ({@code group|id} keys, partitioned by the group) under one group, from the
     * given local partition: a prefix scan, not a gather.
     */
    default List<JsonNode> groupLocal(ViewStore store, String group, int partition) throws NotQueryableException {
        throw new NotQueryableException(store.name() + " is not keyed by group");
    }

    /** A versioned store's value of one key as of the end of {@code day}, from the given local partition. */
    default Optional<JsonNode> getLocalAsOf(ViewStore store, String key, int partition, LocalDate day)
            throws NotQueryableException {
        throw new NotQueryableException(store.name() + " keeps no versions");
    }

    /** A versioned store's value of every key it knows in the given local partitions, as of the end of {@code day}. */
    default List<JsonNode> allLocalAsOf(ViewStore store, Set<Integer> partitions, LocalDate day)
            throws NotQueryableException {
        throw new NotQueryableException(store.name() + " keeps no versions");
    }
}
