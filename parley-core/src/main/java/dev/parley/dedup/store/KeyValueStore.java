package dev.parley.dedup.store;

import java.util.Optional;
import java.util.function.BiConsumer;

/** The slice of a key-value state store the dedup core needs; the Kafka layer backs it by a Streams store. */
public interface KeyValueStore<K, V> {

    Optional<V> get(K key);

    void put(K key, V value);

    void delete(K key);

    /** Full scan, used only by expiry (punctuation), never on the per-article path. */
    void forEach(BiConsumer<K, V> action);
}
