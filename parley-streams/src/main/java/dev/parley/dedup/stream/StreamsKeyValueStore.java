package dev.parley.dedup.stream;

import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The dedup core's store interface backed by a Kafka Streams key-value store (RocksDB, changelogged). */
final class StreamsKeyValueStore<K, V> implements dev.parley.dedup.store.KeyValueStore<K, V> {

    private final KeyValueStore<K, V> store;

    StreamsKeyValueStore(KeyValueStore<K, V> store) {
        this.store = store;
    }

    @Override
    public Optional<V> get(K key) {
        return Optional.ofNullable(store.get(key));
    }

    @Override
    public void put(K key, V value) {
        store.put(key, value);
    }

    @Override
    public void delete(K key) {
        store.delete(key);
    }

    /** Kafka Streams' range includes its upper bound: that one key is left out here. */
    @Override
    public void range(K from, K to, BiConsumer<K, V> action) {
        try (KeyValueIterator<K, V> some = store.range(from, to)) {
            while (some.hasNext()) {
                KeyValue<K, V> next = some.next();
                if (!next.key.equals(to)) {
                    action.accept(next.key, next.value);
                }
            }
        }
    }

    @Override
    public void forEach(BiConsumer<K, V> action) {
        try (KeyValueIterator<K, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<K, V> next = all.next();
                action.accept(next.key, next.value);
            }
        }
    }
}
