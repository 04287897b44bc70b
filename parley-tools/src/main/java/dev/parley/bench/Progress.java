package dev.parley.bench;

import dev.parley.avro.DecisionEvent;
import dev.parley.avro.DedupDecision;
import dev.parley.config.ParleyConfig;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.StageProgress;
import dev.parley.kafka.serde.AvroSerdes;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Waiting for work to be committed: counted on output topics with read_committed consumers, and by stage lag. */
final class Progress {

    private Progress() {
    }

    static Map<String, Object> consumerConfig(ParleyConfig config) {
        Map<String, Object> consumer = new TreeMap<>(config.clientConfig());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "parley-bench-watch-" + System.nanoTime());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return consumer;
    }

    /** Waits until {@code expected} committed records are on {@code topic}; the System.nanoTime() then, or -1. */
    static long awaitRecords(ParleyConfig config, String topic, long expected, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(config),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long seen = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(50)).count();
                if (seen >= expected) {
                    return System.nanoTime();
                }
            }
            return -1;
        }
    }

    /** A read_committed follower of the decision log, to tell when every article has its first decision. */
    static final class Decisions implements AutoCloseable {
        private final KafkaConsumer<String, DedupDecision> consumer;
        private final Set<String> waiting;

        Decisions(ParleyConfig config, Collection<String> ids) {
            Map<String, Object> client = config.clientConfig();
            this.consumer = new KafkaConsumer<>(consumerConfig(config),
                    AvroSerdes.key(String.class, client).deserializer(),
                    AvroSerdes.value(DedupDecision.class, client).deserializer());
            this.consumer.subscribe(List.of(ParleyTopics.DEDUP_DECISIONS));
            this.waiting = new HashSet<>(ids);
        }

        /** Polls once; returns the articles still without a committed decision. */
        int poll(Duration wait) {
            for (ConsumerRecord<String, DedupDecision> r : consumer.poll(wait)) {
                if (r.value() != null && r.value().getEvent() == DecisionEvent.DECIDED) {
                    waiting.remove(r.value().getArticleId());
                }
            }
            return waiting.size();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** Sum of every stage's lag on its own inputs (see {@link StageProgress}). */
    static long lag(Admin admin, Collection<String> applicationIds) throws Exception {
        long lag = 0;
        for (String id : applicationIds) {
            lag += StageProgress.lag(admin, id);
        }
        return lag;
    }
}
