package dev.parley.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.server.common.TransactionVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class EmbeddedKafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void recordsSurviveABrokerRestartOnTheSameLogDirectory() throws Exception {
        Path logDir = dataDir.resolve("kafka");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, "127.0.0.1", 0, Map.of())) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("parley.test", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("parley.test", "k", "before restart")).get();
            }
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, "127.0.0.1", 0, Map.of())) {
            assertThat(readAll(broker.bootstrapServers(), "parley.test", 1)).containsExactly("before restart");
        }
    }

    /** Transactions v1 unless told otherwise, and the storage keeps what it was formatted with. */
    @Test
    void aNewStorageIsFormattedWithTheTransactionVersionAskedForAndKeepsIt() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("v1"), "127.0.0.1", 0, Map.of())) {
            assertThat(transactionVersion(broker)).isEqualTo((short) 1);
        }
        Path v2 = dataDir.resolve("v2");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(v2, "127.0.0.1", 0, Map.of(), 2)) {
            assertThat(transactionVersion(broker)).isEqualTo((short) 2);
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(v2, "127.0.0.1", 0, Map.of(), 1)) {
            assertThat(transactionVersion(broker)).isEqualTo((short) 2);
        }
    }

    private static short transactionVersion(EmbeddedKafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            return admin.describeFeatures().featureMetadata().get().finalizedFeatures()
                    .get(TransactionVersion.FEATURE_NAME).maxVersionLevel();
        }
    }

    static List<String> readAll(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Await.until(expected + " records on " + topic, Duration.ofSeconds(30), Duration.ZERO, () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size();
            }, n -> n >= expected);
        }
        return values;
    }
}
