package dev.parley.cli;

import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.StageProgress;
import dev.parley.kafka.serde.AvroDeserializer;
import dev.parley.registry.RestSchemaRegistryClient;
import dev.parley.testing.Await;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The contents of Parley's derived topics as compacted maps (key → latest value, tombstones remove), decoded through
 * the registry so that two runs with different schema ids still compare equal, and the wait for stages to catch up.
 */
final class TopicSnapshots {

    private static final Set<String> NOT_DERIVED = Set.of(ParleyTopics.ARTICLES_RAW, ParleyTopics.DEAD_LETTER,
            ParleyTopics.REGISTRY_SCHEMAS);

    private TopicSnapshots() {
    }

    /** The derived topics Parley declares, plus the catalog's changelog (the article store). */
    static List<String> derivedTopics() {
        List<String> topics = new java.util.ArrayList<>(ParleyTopics.all().stream().map(ParleyTopics.TopicSpec::name)
                .filter(t -> !NOT_DERIVED.contains(t)).toList());
        topics.add("parley.catalog-parley-articles-changelog");
        return topics;
    }

    static Map<String, Map<String, String>> snapshot(String bootstrap, String registryUrl) {
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (String topic : derivedTopics()) {
            all.put(topic, compacted(bootstrap, registryUrl, topic));
        }
        return all;
    }

    static Map<String, String> compacted(String bootstrap, String registryUrl, String topic) {
        AvroDeserializer<Object> avro = new AvroDeserializer<>(Object.class, new RestSchemaRegistryClient(registryUrl));
        Map<String, String> map = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 120_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("Could not read " + topic + " to its end");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String key = String.valueOf(avro.deserialize(topic, r.key()));
                    if (r.value() == null) {
                        map.remove(key);
                    } else {
                        String value = String.valueOf(avro.deserialize(topic, r.value()));
                        if (topic.equals(ParleyTopics.DEDUP_DECISIONS)) {
                            // The decision log is history: whether the latest entry of an article was its first
                            // decision or a correction depends on arrival order. What was decided must not.
                            value = value.replaceAll(", \"event\": \"[A-Z]+\"", "");
                        }
                        map.put(key, value);
                    }
                }
            }
        }
        return map;
    }

    /** Every topic whose map differs, with sizes and a differing key; empty when all are equal. */
    static Map<String, String> differences(Map<String, Map<String, String>> expected, Map<String, Map<String, String>> actual) {
        Map<String, String> diffs = new TreeMap<>();
        for (String topic : expected.keySet()) {
            Map<String, String> e = expected.get(topic);
            Map<String, String> a = actual.getOrDefault(topic, Map.of());
            if (!e.equals(a)) {
                String key = e.keySet().stream().filter(k -> !String.valueOf(e.get(k)).equals(String.valueOf(a.get(k))))
                        .findFirst().orElseGet(() -> a.keySet().stream().filter(k -> !e.containsKey(k)).findFirst().orElse("?"));
                diffs.put(topic, e.size() + " vs " + a.size() + " entries; e.g. " + key + ": " + e.get(key) + " vs " + a.get(key));
            }
        }
        return diffs;
    }

    /** Waits until every stage has processed everything on its inputs, and stays so for a moment. */
    static void awaitCaughtUp(String bootstrap, List<String> applicationIds, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            int[] zeroInARow = {0};
            Await.until("every stage to have no lag three looks in a row", timeout, Duration.ofSeconds(1), () -> {
                Map<String, Long> byStage = new TreeMap<>();
                for (String id : applicationIds) {
                    byStage.put(id, StageProgress.lag(admin, id));
                }
                return byStage;
            }, byStage -> {
                zeroInARow[0] = byStage.values().stream().allMatch(lag -> lag == 0) ? zeroInARow[0] + 1 : 0;
                return zeroInARow[0] >= 3;
            });
        }
    }
}
