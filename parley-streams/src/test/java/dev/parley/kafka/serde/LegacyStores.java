package dev.parley.kafka.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * Puts a live store of a TopologyTestDriver in the state an older build would have left: the bytes under the
 * typed store are replaced by what state format version 0 wrote for the same values. Streams has no public way to
 * write raw bytes into a store; restoring an old changelog does exactly that, so the tests go one layer down.
 */
public final class LegacyStores {

    /** Timestamped stores (KTables, aggregates) put the record timestamp before the value. */
    private static final int TIMESTAMP_BYTES = Long.BYTES;

    private LegacyStores() {
    }

    /** @param typed the store as the driver returns it ({@code getKeyValueStore}, {@code getTimestampedKeyValueStore}) */
    public static <T> int rewriteInVersionZero(StateStore typed, StateFormat<T> format) {
        int prefix = prefix(typed);
        KeyValueStore<Bytes, byte[]> inner = inner(typed);
        Map<Bytes, byte[]> current = raw(inner);
        current.forEach((key, stored) -> {
            byte[] value = Arrays.copyOfRange(stored, prefix, stored.length);
            assertThat(format.versionOf(value)).as("%s in %s", key, typed.name()).isEqualTo(format.version());
            byte[] legacy = LegacyStateJson.write(format.read(value));
            assertThat(format.versionOf(legacy)).isZero();
            byte[] out = new byte[prefix + legacy.length];
            System.arraycopy(stored, 0, out, 0, prefix);
            System.arraycopy(legacy, 0, out, prefix, legacy.length);
            inner.put(key, out);
        });
        return current.size();
    }

    /** How many values of the store are still in version 0 (the build read them without rewriting them). */
    public static long versionZeroValues(StateStore typed) {
        int prefix = prefix(typed);
        return raw(inner(typed)).values().stream().filter(v -> v[prefix] != StateFormat.MAGIC).count();
    }

    private static int prefix(StateStore typed) {
        return typed instanceof TimestampedKeyValueStore<?, ?> ? TIMESTAMP_BYTES : 0;
    }

    private static Map<Bytes, byte[]> raw(KeyValueStore<Bytes, byte[]> inner) {
        Map<Bytes, byte[]> all = new LinkedHashMap<>();
        try (KeyValueIterator<Bytes, byte[]> it = inner.all()) {
            it.forEachRemaining((KeyValue<Bytes, byte[]> kv) -> all.put(kv.key, kv.value));
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static KeyValueStore<Bytes, byte[]> inner(StateStore typed) {
        return ((WrappedStateStore<KeyValueStore<Bytes, byte[]>, ?, ?>) typed).wrapped();
    }
}
