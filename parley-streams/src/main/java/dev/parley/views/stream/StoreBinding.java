package dev.parley.views.stream;

import dev.parley.views.ViewStore;
import java.time.LocalDate;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serializer;

/**
 * How to query one view store: the serializer its keys were partitioned with (so the key's partition can be
 * found), the topic whose partitions its tasks read, and how a stored value becomes JSON. A versioned store also
 * names the plain store whose keys are its keys (Kafka Streams has no range query over versioned stores, KIP-969)
 * and how a version becomes JSON as seen on the asked day.
 *
 * @param sourceTopic the input topic's name, given the stage's application id (repartition topics carry it)
 * @param keyIndex    for a versioned store, the key-value store in the same tasks holding the same keys; else null
 * @param asOfJson    for a versioned store, (version, asked day) → JSON; else null
 * @param grouped     keys are {@code group|id}, partitioned by the group ({@link GroupPartitioner}): read by group
 */
public record StoreBinding(ViewStore store, Serializer<String> keySerializer, Function<String, String> sourceTopic,
                           Function<Object, Object> toJson, ViewStore keyIndex,
                           BiFunction<Object, LocalDate, Object> asOfJson, boolean grouped) {

    public boolean versioned() {
        return asOfJson != null;
    }

    @SuppressWarnings("unchecked")
    public static <V> StoreBinding of(ViewStore store, Serializer<String> keySerializer, String topic,
                                      Function<V, Object> toJson) {
        return new StoreBinding(store, keySerializer, applicationId -> topic, v -> toJson.apply((V) v), null, null,
                false);
    }

    @SuppressWarnings("unchecked")
    public static <V> StoreBinding ofRepartition(ViewStore store, Serializer<String> keySerializer, String repartitionName,
                                                 Function<V, Object> toJson) {
        return new StoreBinding(store, keySerializer, applicationId -> repartitionTopic(applicationId, repartitionName),
                v -> toJson.apply((V) v), null, null, false);
    }

    /**
     * A store keyed {@code group|id} behind a repartition by {@link GroupPartitioner}: the group's owner is found
     * with the group as a plain UTF-8 key, and the group is read with one prefix scan there.
     */
    @SuppressWarnings("unchecked")
    public static <V> StoreBinding grouped(ViewStore store, String repartitionName, Function<V, Object> toJson) {
        return new StoreBinding(store, new org.apache.kafka.common.serialization.StringSerializer(),
                applicationId -> repartitionTopic(applicationId, repartitionName), v -> toJson.apply((V) v), null,
                null, true);
    }

    @SuppressWarnings("unchecked")
    public static <V> StoreBinding versioned(ViewStore store, Serializer<String> keySerializer, String repartitionName,
                                             ViewStore keyIndex, BiFunction<V, LocalDate, Object> asOfJson) {
        return new StoreBinding(store, keySerializer, applicationId -> repartitionTopic(applicationId, repartitionName),
                v -> { throw new IllegalStateException(store.name() + " is read as of a day"); }, keyIndex,
                (v, day) -> asOfJson.apply((V) v, day), false);
    }

    private static String repartitionTopic(String applicationId, String repartitionName) {
        return applicationId + "-" + repartitionName + "-repartition";
    }
}
