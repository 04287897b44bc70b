package dev.parley.kafka;

import dev.parley.avro.DedupDecision;
import dev.parley.avro.DuplicateKind;
import dev.parley.kafka.serde.AvroDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the dedup decision log from a starting point and tells, for a set of articles, how many were decided and how
 * many of them are copies: the "duplicates" of a replay's summary (the dedup stage decides them, not the replayer).
 */
public final class DecisionWatch implements AutoCloseable {

    public record Result(long decided, long duplicates) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AvroDeserializer<DedupDecision> decisions = new AvroDeserializer<>(DedupDecision.class);
    private final Map<TopicPartition, Long> start;

    /** Marks the current end of the decision log: decisions written from now on are the ones watched. */
    public DecisionWatch(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        decisions.configure(clientConfig, false);
        List<TopicPartition> partitions = consumer.partitionsFor(ParleyTopics.DEDUP_DECISIONS, Duration.ofSeconds(30))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        start = consumer.endOffsets(partitions);
    }

    /**
     * Waits until every id has a decision and the log has then been quiet for {@code quiet} (corrections follow the
     * first decisions when an earlier copy is processed later), or the timeout passes. The latest decision counts.
     */
    public Result await(Set<String> ids, Duration timeout, Duration quiet) {
        consumer.assign(start.keySet());
        start.forEach(consumer::seek);
        Map<String, DuplicateKind> latest = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastSeen = System.nanoTime();
        while (System.nanoTime() < deadline
                && (latest.size() < ids.size() || System.nanoTime() - lastSeen < quiet.toNanos())) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                lastSeen = System.nanoTime();
                try {
                    DedupDecision d = decisions.deserialize(r.topic(), r.value());
                    if (d != null && ids.contains(d.getArticleId())) {
                        latest.put(d.getArticleId(), d.getKind());
                    }
                } catch (RuntimeException unreadable) {
                    // not a decision we can count
                }
            }
        }
        long copies = latest.values().stream().filter(k -> k == DuplicateKind.EXACT_COPY || k == DuplicateKind.NEAR_DUPLICATE)
                .count();
        return new Result(latest.size(), copies);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
