package dev.parley.dedup.store;

import java.util.Objects;

/**
 * One planned change of one key: a put, or a delete when {@code value} is null.
 *
 * @param target the store it will be applied to
 */
public record StoreWrite<V>(KeyValueStore<String, V> target, String key, V value) {

    public StoreWrite {
        Objects.requireNonNull(target);
        Objects.requireNonNull(key);
    }

    public boolean isDelete() {
        return value == null;
    }

    void apply() {
        if (value == null) {
            target.delete(key);
        } else {
            target.put(key, value);
        }
    }
}
