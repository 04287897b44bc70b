package dev.parley.kafka;

import dev.parley.avro.Article;
import dev.parley.avro.DecisionEvent;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.DuplicateKind;
import dev.parley.avro.RejectedInput;
import dev.parley.kafka.serde.AvroDeserializer;
import dev.parley.ops.ParleyMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds Parley's own counters from what is committed on its topics (read_committed, no consumer group, from the
 * end at start-up): accepted articles, rejections, duplicates, statements, and the end-to-end lag from an article's
 * ingest to its first dedup decision. Reading the topics rather than instrumenting the writers means every writer
 * is counted (a separate {@code parley ingest}, other instances) and aborted transactions are not.
 */
public final class PipelineTap implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineTap.class);
    // Ingest times of recent articles, to measure lag when their decision appears; bounded, oldest dropped.
    private static final int RECENT_ARTICLES = 100_000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ParleyMetrics metrics;
    private final AvroDeserializer<Article> articles = new AvroDeserializer<>(Article.class);
    private final AvroDeserializer<RejectedInput> rejections = new AvroDeserializer<>(RejectedInput.class);
    private final AvroDeserializer<DedupDecision> decisions = new AvroDeserializer<>(DedupDecision.class);
    private final Map<String, Instant> ingestedAt = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > RECENT_ARTICLES;
        }
    };
    private final Thread thread;
    private volatile boolean running = true;

    private PipelineTap(Map<String, Object> clientConfig, ParleyMetrics metrics) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "parley-pipeline-tap");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.metrics = metrics;
        articles.configure(clientConfig, false);
        rejections.configure(clientConfig, false);
        decisions.configure(clientConfig, false);
        this.thread = new Thread(this::run, "parley-pipeline-tap");
        this.thread.setDaemon(true);
    }

    public static PipelineTap start(Map<String, Object> clientConfig, ParleyMetrics metrics) {
        PipelineTap tap = new PipelineTap(clientConfig, metrics);
        tap.thread.start();
        return tap;
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (ParleyTopics.TopicSpec spec : ParleyTopics.all()) {
                List<PartitionInfo> infos = consumer.partitionsFor(spec.name(), Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                // Articles first, so a decision in the same batch finds its article's ingest time.
                records.records(ParleyTopics.ARTICLES_RAW).forEach(this::safely);
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (!r.topic().equals(ParleyTopics.ARTICLES_RAW)) {
                        safely(r);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.warn("Pipeline metrics tap stopped: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void safely(ConsumerRecord<byte[], byte[]> r) {
        metrics.topicRecord(r.topic());
        if (r.value() == null) {
            return;
        }
        try {
            count(r);
        } catch (RuntimeException unreadable) {
            // Poison records are the stages' business (dead letters); here they are only counted by topic.
        }
    }

    private void count(ConsumerRecord<byte[], byte[]> r) {
        switch (r.topic()) {
            case ParleyTopics.ARTICLES_RAW -> {
                Article article = articles.deserialize(r.topic(), r.value());
                metrics.articleAccepted();
                ingestedAt.put(article.getId(), article.getIngestedAt());
            }
            case ParleyTopics.DEAD_LETTER -> {
                RejectedInput rejected = rejections.deserialize(r.topic(), r.value());
                metrics.rejected(rejected.getStage(), rejected.getReason().name());
            }
            case ParleyTopics.DEDUP_DECISIONS -> {
                DedupDecision decision = decisions.deserialize(r.topic(), r.value());
                boolean copy = decision.getKind() == DuplicateKind.EXACT_COPY || decision.getKind() == DuplicateKind.NEAR_DUPLICATE;
                if (copy && decision.getEvent() != DecisionEvent.REINGESTED) {
                    metrics.duplicate(decision.getKind().name());
                }
                Instant ingested = decision.getEvent() == DecisionEvent.DECIDED ? ingestedAt.remove(decision.getArticleId()) : null;
                if (ingested != null) {
                    metrics.endToEndLag(Duration.between(ingested, Instant.now()));
                }
            }
            case ParleyTopics.STATEMENTS -> metrics.statementUpdated();
            default -> {
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
