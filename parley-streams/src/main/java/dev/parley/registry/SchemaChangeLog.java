package dev.parley.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The embedded registry's durable state: one compacted, single-partition Kafka topic, as Confluent's registry keeps
 * its {@code _schemas} topic. Key {@code schema/<subject>/<version>} or {@code config/<subject>} (empty subject for
 * the global level), value JSON. Replaying the topic from the start rebuilds the same ids after a restart.
 */
final class SchemaChangeLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final Map<String, Object> clientConfig;
    private final KafkaProducer<String, String> producer;

    SchemaChangeLog(String topic, Map<String, Object> clientConfig) {
        this.topic = topic;
        this.clientConfig = clientConfig;
        ensureTopic();
        Properties producerConfig = new Properties();
        producerConfig.putAll(clientConfig);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(clientConfig)) {
            NewTopic newTopic = new NewTopic(topic, 1, (short) -1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new SchemaRegistryException(SchemaRegistryException.STORE_ERROR,
                        "Cannot create registry topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(SchemaRegistryException.STORE_ERROR, "Interrupted", e);
        }
    }

    /** Reads the whole log and hands every change, oldest first, to the sink. */
    void replay(Consumer<SchemaStore.Change> sink) {
        Properties consumerConfig = new Properties();
        consumerConfig.putAll(clientConfig);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        sink.accept(decode(record.value()));
                    }
                }
            }
        }
    }

    void append(SchemaStore.Change change) {
        String key = change instanceof SchemaStore.SchemaVersionAdded v
                ? "schema/" + v.subject() + "/" + v.version()
                : "config/" + Objects.requireNonNullElse(((SchemaStore.CompatibilitySet) change).subject(), "");
        try {
            producer.send(new ProducerRecord<>(topic, key, encode(change))).get();
        } catch (ExecutionException e) {
            throw new SchemaRegistryException(SchemaRegistryException.STORE_ERROR,
                    "Cannot write to registry topic " + topic + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(SchemaRegistryException.STORE_ERROR, "Interrupted", e);
        }
    }

    private static String encode(SchemaStore.Change change) {
        ObjectNode node = JSON.createObjectNode();
        if (change instanceof SchemaStore.SchemaVersionAdded v) {
            node.put("type", "SCHEMA").put("subject", v.subject()).put("version", v.version()).put("id", v.id())
                    .put("schema", v.schema());
        } else if (change instanceof SchemaStore.CompatibilitySet c) {
            node.put("type", "CONFIG").put("subject", c.subject()).put("compatibilityLevel", c.level().name());
        }
        return node.toString();
    }

    private static SchemaStore.Change decode(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            if ("CONFIG".equals(node.path("type").asText())) {
                JsonNode subject = node.get("subject");
                return new SchemaStore.CompatibilitySet(subject == null || subject.isNull() ? null : subject.asText(),
                        CompatibilityLevel.valueOf(node.path("compatibilityLevel").asText()));
            }
            return new SchemaStore.SchemaVersionAdded(node.path("subject").asText(), node.path("version").asInt(),
                    node.path("id").asInt(), node.path("schema").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("Corrupt registry log record: " + value, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
