package dev.parley.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parley.avro.Article;
import dev.parley.avro.DecisionEvent;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.DuplicateKind;
import dev.parley.cli.ParleyNode;
import dev.parley.cli.TestNodes;
import dev.parley.config.ParleyConfig;
import dev.parley.ingest.Corpora;
import dev.parley.kafka.ArticlePublisher;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.kafka.serde.StateFormat;
import dev.parley.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade on the real broker: the dedup stage's changelogs end with values as the build before the state
 * envelope wrote them (version 0), its local state is gone, and the restarted node restores from those changelogs
 * and carries on: re-ingesting the seeds finds every one of them in the restored stores and changes nothing.
 */
@Tag("integration")
class LegacyStateRestoreIntegrationTest {

    private static final Path SEEDS = Path.of(System.getProperty("parley.seeds.dir", "../shared/seeds"));
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Map<String, StateFormat<?>> JSON_STORES = DedupStoreNames.JSON_FORMATS;

    /** State format version 0: the mapper builds before the envelope stored state with (as parley-streams' LegacyStateJson). */
    private static final ObjectMapper VERSION_ZERO = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @TempDir
    Path dataDir;

    @Test
    void aStageRestoredFromChangelogsInTheOldFormatCarriesOn() throws Exception {
        Set<String> seeds = Corpora.accepted(SEEDS).stream().map(Article::getId).collect(Collectors.toSet());
        Map<String, String> settings = Map.of("parley.dedup.lateness.days", "3650");
        String applicationId;
        Map<TopicPartition, Long> uniqueEnd;
        Map<TopicPartition, Long> statementsEnd;
        int rewritten = 0;
        try (ParleyNode node = TestNodes.start(dataDir, quiet(), settings)) {
            applicationId = node.config().getString(ParleyConfig.APPLICATION_ID) + "." + DedupTopology.STAGE;
            ingest(node);
            awaitDecisions(node, d -> seeds.contains(d.getArticleId()) && d.getEvent() == DecisionEvent.DECIDED, 5);
            uniqueEnd = endOffsets(node, ParleyTopics.ARTICLES_UNIQUE);
            statementsEnd = endOffsets(node, ParleyTopics.STATEMENTS);
            // The stage is idle: nothing it writes can come after the rewritten values.
            for (Map.Entry<String, StateFormat<?>> store : JSON_STORES.entrySet()) {
                rewritten += rewriteInVersionZero(node, applicationId + "-" + store.getKey() + "-changelog", store.getValue());
            }
        }
        assertThat(rewritten).isGreaterThanOrEqualTo(5 * 3);
        Path localState = dataDir.resolve("streams").resolve(applicationId);
        assertThat(localState).isDirectory();
        deleteRecursively(localState);

        try (ParleyNode node = TestNodes.start(dataDir, quiet(), settings)) {
            ingest(node);
            List<DedupDecision> reingested = awaitDecisions(node,
                    d -> seeds.contains(d.getArticleId()) && d.getEvent() == DecisionEvent.REINGESTED, 5);
            assertThat(reingested).extracting(DedupDecision::getArticleId).containsExactlyInAnyOrderElementsOf(seeds);
            assertThat(reingested).allSatisfy(d -> assertThat(d.getKind()).isEqualTo(DuplicateKind.UNIQUE));
            assertThat(endOffsets(node, ParleyTopics.ARTICLES_UNIQUE)).isEqualTo(uniqueEnd);
            assertThat(endOffsets(node, ParleyTopics.STATEMENTS)).isEqualTo(statementsEnd);
            assertThat(localState).as("restored from the changelogs").isDirectory();
        }
    }

    /** Appends, per key, the latest value of the changelog as version 0 bytes; returns how many. */
    private static <T> int rewriteInVersionZero(ParleyNode node, String changelog, StateFormat<T> format)
            throws IOException {
        Map<TopicPartition, Map<Bytes, byte[]>> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(node, changelog, new ByteArrayDeserializer())) {
            Map<Bytes, byte[]> partition = latest.computeIfAbsent(new TopicPartition(r.topic(), r.partition()),
                    p -> new LinkedHashMap<>());
            if (r.value() == null) {
                partition.remove(Bytes.wrap(r.key()));
            } else {
                partition.put(Bytes.wrap(r.key()), r.value());
            }
        }
        int count = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(node.config().clientConfig(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Map.Entry<TopicPartition, Map<Bytes, byte[]>> partition : latest.entrySet()) {
                for (Map.Entry<Bytes, byte[]> kv : partition.getValue().entrySet()) {
                    assertThat(format.versionOf(kv.getValue())).isEqualTo(format.version());
                    byte[] legacy = VERSION_ZERO.writeValueAsBytes(format.read(kv.getValue()));
                    assertThat(format.versionOf(legacy)).isZero();
                    producer.send(new ProducerRecord<>(changelog, partition.getKey().partition(), kv.getKey().get(), legacy));
                    count++;
                }
            }
            producer.flush();
        }
        return count;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static void ingest(ParleyNode node) {
        node.reader().readPaths(List.of(SEEDS), node.publisher()::publish);
        ArticlePublisher.Summary summary = node.publisher().flush(Duration.ofSeconds(30));
        assertThat(summary.failed()).isZero();
    }

    private static List<DedupDecision> awaitDecisions(ParleyNode node, java.util.function.Predicate<DedupDecision> wanted,
                                                      int count) {
        Deserializer<DedupDecision> values = AvroSerdes.value(DedupDecision.class, node.config().clientConfig()).deserializer();
        List<DedupDecision> found = Await.until(count + " decisions", WAIT, Duration.ofMillis(250),
                () -> readAll(node, ParleyTopics.DEDUP_DECISIONS, values).stream().map(ConsumerRecord::value)
                        .filter(wanted).toList(), decisions -> decisions.size() >= count);
        assertThat(found).hasSize(count);
        return found;
    }

    private static Map<TopicPartition, Long> endOffsets(ParleyNode node, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(node, new ByteArrayDeserializer())) {
            return Map.copyOf(consumer.endOffsets(partitions(consumer, topic)));
        }
    }

    /** Every committed record of the topic up to its current end. */
    private static <V> List<ConsumerRecord<byte[], V>> readAll(ParleyNode node, String topic, Deserializer<V> values) {
        List<ConsumerRecord<byte[], V>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], V> consumer = consumer(node, values)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Await.until(topic + " read up to its end offsets", WAIT, Duration.ZERO, () -> {
                if (partitions.stream().noneMatch(p -> consumer.position(p) < end.get(p))) {
                    return true;
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return false;
            });
        }
        return records;
    }

    private static <V> KafkaConsumer<byte[], V> consumer(ParleyNode node, Deserializer<V> values) {
        Map<String, Object> config = new TreeMap<>(node.config().clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), values);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
