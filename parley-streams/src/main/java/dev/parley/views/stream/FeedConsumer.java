package dev.parley.views.stream;

import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.views.FeedEvent;
import dev.parley.views.FeedHub;
import dev.parley.views.FeedTopic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the feed topics from their end (no consumer group: every instance reads every partition, committed
 * records only) and publishes each record to the hub. A record that cannot be read is logged and skipped: the
 * stages' dead-letter handling owns bad records, the feed only shows.
 */
public final class FeedConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedConsumer.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Decoder<?>> decoders = new HashMap<>();
    private final Deserializer<String> keys;
    private final FeedHub hub;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private record Decoder<V>(FeedTopic<V> topic, Deserializer<V> values) {
        Object json(String topicName, byte[] bytes) {
            V value = values.deserialize(topicName, bytes);
            return topic.toJson().apply(value);
        }
    }

    public FeedConsumer(Map<String, Object> clientConfig, FeedTopics topics, FeedHub hub) {
        this.hub = hub;
        this.keys = AvroSerdes.key(String.class, clientConfig).deserializer();
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "parley-feed-" + System.identityHashCode(this));
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        for (FeedTopic<?> topic : topics.all()) {
            decoders.put(topic.topic(), decoder(topic, clientConfig));
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : decoders.keySet()) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "end" now, so nothing written after start is missed
        this.thread = new Thread(this::run, "parley-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private static <V> Decoder<V> decoder(FeedTopic<V> topic, Map<String, Object> clientConfig) {
        return new Decoder<>(topic, AvroSerdes.value(topic.valueClass(), clientConfig).deserializer());
    }

    private void run() {
        try {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    publish(record);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void publish(ConsumerRecord<byte[], byte[]> record) {
        Decoder<?> decoder = decoders.get(record.topic());
        String id = record.topic() + "/" + record.partition() + "/" + record.offset();
        try {
            String key = record.key() == null ? null : keys.deserialize(record.topic(), record.key());
            String at = Instant.ofEpochMilli(record.timestamp()).toString();
            if (record.value() == null) {
                hub.publish(new FeedEvent(decoder.topic().type(), "delete", key, null, id, at));
            } else {
                hub.publish(new FeedEvent(decoder.topic().type(), "upsert", key,
                        decoder.json(record.topic(), record.value()), id, at));
            }
        } catch (RuntimeException e) {
            LOG.warn("Feed skips {}: {}", id, e.toString());
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
