package dev.parley.views.stream;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions a {@code group|id} key by its group alone, exactly as Kafka's default partitioner places the group as a
 * UTF-8 string key. So every fact of a group (a dyad's events, an actor's events) lands in one partition, and
 * {@code queryMetadataForKey(store, group, StringSerializer)} finds the store that holds the group.
 */
final class GroupPartitioner<V> implements StreamPartitioner<String, V> {

    static final char SEPARATOR = '|';

    static String key(String group, String id) {
        return group + SEPARATOR + id;
    }

    static String group(String key) {
        return key.substring(0, key.indexOf(SEPARATOR));
    }

    static String id(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        byte[] group = group(key).getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(group)) % numPartitions));
    }
}
