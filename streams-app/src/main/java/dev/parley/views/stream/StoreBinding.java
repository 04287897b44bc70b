package dev.parley.views.stream;

import dev.parley.views.ViewStore;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serializer;

/**
 * How to query one view store: the serializer its keys were partitioned with (so the key's partition can be
 * found), the topic whose partitions its tasks read, and how a stored value becomes JSON.
 *
 * @param sourceTopic the input topic's name, given the stage's application id (repartition topics carry it)
 */
public record StoreBinding(ViewStore store, Serializer<String> keySerializer, Function<String, String> sourceTopic,
                           Function<Object, Object> toJson) {

    @SuppressWarnings("unchecked")
    public static <V> StoreBinding of(ViewStore store, Serializer<String> keySerializer, String topic,
                                      Function<V, Object> toJson) {
        return new StoreBinding(store, keySerializer, applicationId -> topic, v -> toJson.apply((V) v));
    }

    @SuppressWarnings("unchecked")
    public static <V> StoreBinding ofRepartition(ViewStore store, Serializer<String> keySerializer, String repartitionName,
                                                 Function<V, Object> toJson) {
        return new StoreBinding(store, keySerializer, applicationId -> applicationId + "-" + repartitionName + "-repartition",
                v -> toJson.apply((V) v));
    }
}
