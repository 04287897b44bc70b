package dev.parley.engagement.stream;

import dev.parley.cli.TestNodes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.cli.ParleyNode;
import dev.parley.config.ParleyConfig;
import dev.parley.ingest.ArticleReader;
import dev.parley.kafka.ArticlePublisher;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.AvroDeserializer;
import dev.parley.registry.RestSchemaRegistryClient;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on the real in-process broker: seeds in, engagement events and commitments out. */
class EngagementIntegrationTest {

    private static final Path SEEDS = Path.of(System.getProperty("parley.seeds.dir", "../shared/seeds"));

    @TempDir
    static Path dataDir;
    static ParleyNode node;

    @BeforeAll
    static void start() throws Exception {
        node = TestNodes.start(dataDir, new PrintStream(System.err, true, StandardCharsets.UTF_8), Map.of());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void seedsIngestedTwiceGiveTheSixUsMexicoEventsAndTwoScheduledCommitmentsOnTheTopics() {
        ArticleReader reader = node.reader();
        ArticlePublisher publisher = node.publisher();
        reader.readPaths(List.of(SEEDS), publisher::publish);
        reader.readPaths(List.of(SEEDS), publisher::publish);
        publisher.flush(Duration.ofSeconds(30));

        Map<String, EngagementEvent> events = materialise(ParleyTopics.ENGAGEMENT_EVENTS, EngagementEvent.class,
                m -> m.values().stream().filter(e -> e.getDyads().contains("MX-US")).count() >= 6);
        Map<String, EngagementCommitment> commitments = materialise(ParleyTopics.ENGAGEMENT_COMMITMENTS,
                EngagementCommitment.class, m -> m.size() >= 2);

        assertThat(events.values()).filteredOn(e -> e.getDyads().contains("MX-US")).hasSize(6)
                .allSatisfy(e -> assertThat(e.getSources()).isNotEmpty()
                        .allSatisfy(s -> assertThat(s.getOrigin()).startsWith("seeds/")));
        assertThat(commitments.values()).hasSize(2)
                .allSatisfy(c -> assertThat(c.getStatus().name()).isEqualTo("SCHEDULED"));
    }

    /** Reads a compacted topic from the start until the condition holds and two seconds pass with nothing new. */
    private static <V> Map<String, V> materialise(String topic, Class<V> type, Predicate<Map<String, V>> enough) {
        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(node.registryUrl().orElseThrow());
        Deserializer<String> keys = new AvroDeserializer<>(String.class, registry);
        Deserializer<V> values = new AvroDeserializer<>(type, registry);
        Map<String, V> map = new TreeMap<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, node.config().require(ParleyConfig.BOOTSTRAP_SERVERS),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), keys, values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 90_000;
            long quietSince = System.currentTimeMillis();
            while (System.currentTimeMillis() < deadline
                    && !(enough.test(map) && System.currentTimeMillis() - quietSince > 2_000)) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    quietSince = System.currentTimeMillis();
                    if (record.value() == null) {
                        map.remove(record.key());
                    } else {
                        map.put(record.key(), record.value());
                    }
                }
            }
        }
        return map;
    }
}
