package dev.parley.dedup.store;

import java.util.List;

/** The store half of a plan: the final value of every key a computation changed, in the order first changed. */
public record StoreWrites(List<StoreWrite<?>> writes) {

    public static final StoreWrites NONE = new StoreWrites(List.of());

    public StoreWrites {
        writes = List.copyOf(writes);
    }

    /** Writes every change to its store. Nothing is read here, so no planning logic can fail half-way through. */
    public void apply() {
        writes.forEach(StoreWrite::apply);
    }

    public int size() {
        return writes.size();
    }

    public boolean isEmpty() {
        return writes.isEmpty();
    }
}
