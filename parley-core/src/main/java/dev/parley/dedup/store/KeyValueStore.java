package dev.parley.dedup.store;

import java.util.Optional;
import java.util.function.BiConsumer;

/** The slice of a key-value state store the dedup core needs; the Kafka layer backs it by a Streams store. */
public interface KeyValueStore<K, V> {

    Optional<V> get(K key);

    void put(K key, V value);

    void delete(K key);

    /** Full scan: never on the per-article path (expiry reads a range of its time index instead). */
    void forEach(BiConsumer<K, V> action);

    /**
     * The entries with {@code from <= key < to}, in key order. This default scans everything; stores with sorted
     * keys override it with a range read.
     */
    @SuppressWarnings("unchecked")
    default void range(K from, K to, BiConsumer<K, V> action) {
        forEach((k, v) -> {
            Comparable<K> key = (Comparable<K>) k;
            if (key.compareTo(from) >= 0 && key.compareTo(to) < 0) {
                action.accept(k, v);
            }
        });
    }
}
