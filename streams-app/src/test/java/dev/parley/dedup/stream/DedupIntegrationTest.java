package dev.parley.dedup.stream;

import dev.parley.ingest.Corpora;
import dev.parley.cli.TestNodes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.Article;
import dev.parley.avro.DecisionEvent;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.DuplicateKind;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.UniqueArticle;
import dev.parley.cli.ParleyNode;
import dev.parley.kafka.ArticlePublisher;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dedup stage on the real in-process broker, started through {@link ParleyNode} with exactly-once processing:
 * seeds and samples are ingested as {@code parley ingest} does, and every output is read back as a consumer would,
 * Avro through the embedded registry, committed records only.
 */
@Tag("integration")
class DedupIntegrationTest {

    private static final Path SEEDS = Path.of(System.getProperty("parley.seeds.dir", "../shared/seeds"));
    private static final Path SAMPLES = Path.of(System.getProperty("parley.samples.dir", "../samples"));
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;
    static ParleyNode node;

    @BeforeAll
    static void start() throws Exception {
        // One sample has no date and is dated by its file's time (the checkout), months after the rest;
        // a lateness covering that span keeps the result independent of the order the partitions merge in.
        node = TestNodes.start(dataDir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of("parley.dedup.lateness.days", "3650"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void seedsGiveThreeStatementsAndFiveUniqueArticlesAndAReingestChangesNothing() {
        Map<String, String> seeds = idsToFilePrefix(SEEDS);
        assertThat(seeds).hasSize(5);

        ingest(SEEDS);
        awaitDecisions(d -> seeds.containsKey(d.getArticleId()) && d.getEvent() == DecisionEvent.DECIDED, 5);

        Map<String, ReprintedStatement> statements = new TreeMap<>(latest(readAll(ParleyTopics.STATEMENTS,
                ReprintedStatement.class)));
        statements.values().removeIf(s -> !seeds.containsKey(s.getCanonicalArticleId()));
        Set<Set<String>> carriers = statements.values().stream()
                .map(s -> s.getReprints().stream().map(r -> seeds.get(r.getArticleId())).collect(Collectors.toSet()))
                .collect(Collectors.toSet());
        assertThat(statements).hasSize(3);
        assertThat(carriers).containsExactlyInAnyOrder(Set.of("001", "002", "004"), Set.of("000", "003"),
                Set.of("002", "004"));
        statements.values().forEach(s -> assertThat(s.getReprints().get(0).getArticleId())
                .isEqualTo(s.getCanonicalArticleId()));

        Map<String, UniqueArticle> unique = onlyKeys(latest(readAll(ParleyTopics.ARTICLES_UNIQUE, UniqueArticle.class)),
                seeds.keySet());
        assertThat(unique.keySet()).isEqualTo(seeds.keySet());
        unique.forEach((id, u) -> assertThat(u.getClusterId()).isEqualTo(id));
        assertThat(onlyKeys(latest(readAll(ParleyTopics.ARTICLES_DUPLICATES, DedupDecision.class)), seeds.keySet()))
                .isEmpty();

        Map<TopicPartition, Long> uniqueEnd = endOffsets(ParleyTopics.ARTICLES_UNIQUE);
        Map<TopicPartition, Long> statementsEnd = endOffsets(ParleyTopics.STATEMENTS);
        ingest(SEEDS);
        List<DedupDecision> reingested = awaitDecisions(
                d -> seeds.containsKey(d.getArticleId()) && d.getEvent() == DecisionEvent.REINGESTED, 5);
        assertThat(reingested).extracting(DedupDecision::getArticleId)
                .containsExactlyInAnyOrderElementsOf(seeds.keySet());
        assertThat(reingested).allSatisfy(d -> assertThat(d.getKind()).isEqualTo(DuplicateKind.UNIQUE));

        // Not only the same final state: not a single record more on the unique or statements topics (end
        // offsets, since compaction may already have thinned what is before them).
        assertThat(endOffsets(ParleyTopics.ARTICLES_UNIQUE)).isEqualTo(uniqueEnd);
        assertThat(endOffsets(ParleyTopics.STATEMENTS)).isEqualTo(statementsEnd);
        assertThat(onlyKeys(latest(readAll(ParleyTopics.ARTICLES_UNIQUE, UniqueArticle.class)), seeds.keySet()))
                .isEqualTo(unique);
    }

    @Test
    void wholeDocumentCopiesInTheSamplesFormOneClusterAroundTheEarliest() {
        List<Article> samples = read(SAMPLES);
        List<Article> copies = samples.stream().filter(a -> file(a).matches("(08|09|10)_.*")).toList();
        assertThat(copies).hasSize(3);
        String earliest = copies.stream().min(Comparator.comparing(Article::getPublishedAt)
                .thenComparing(Article::getId)).orElseThrow().getId();
        Set<String> copyIds = copies.stream().map(Article::getId).collect(Collectors.toSet());
        Set<String> sampleIds = samples.stream().map(Article::getId).collect(Collectors.toSet());

        ingest(SAMPLES);
        awaitDecisions(d -> sampleIds.contains(d.getArticleId()) && d.getEvent() == DecisionEvent.DECIDED,
                sampleIds.size());

        Map<String, DedupDecision> clusters = onlyKeys(latest(readAll(ParleyTopics.ARTICLES_CLUSTERS,
                DedupDecision.class)), sampleIds);
        assertThat(clusters.keySet()).isEqualTo(sampleIds);
        assertThat(clusters.entrySet().stream().filter(e -> e.getValue().getClusterId().equals(earliest))
                .map(Map.Entry::getKey).collect(Collectors.toSet())).isEqualTo(copyIds);
        Map<String, DedupDecision> duplicates = onlyKeys(latest(readAll(ParleyTopics.ARTICLES_DUPLICATES,
                DedupDecision.class)), sampleIds);
        assertThat(duplicates.keySet()).isEqualTo(copyIds.stream().filter(id -> !id.equals(earliest))
                .collect(Collectors.toSet()));
        duplicates.values().forEach(d -> assertThat(d.getCanonicalId()).isEqualTo(earliest));
        UniqueArticle canonical = latest(readAll(ParleyTopics.ARTICLES_UNIQUE, UniqueArticle.class)).get(earliest);
        assertThat(canonical.getCopies()).containsExactlyInAnyOrderElementsOf(duplicates.keySet());
    }

    // ---- helpers ----

    private static void ingest(Path folder) {
        node.reader().readPaths(List.of(folder), node.publisher()::publish);
        ArticlePublisher.Summary summary = node.publisher().flush(Duration.ofSeconds(30));
        assertThat(summary.failed()).isZero();
    }

    private static List<Article> read(Path folder) {
        return Corpora.accepted(folder);
    }

    private static Map<String, String> idsToFilePrefix(Path folder) {
        return read(folder).stream().collect(Collectors.toMap(Article::getId, a -> file(a).substring(0, 3)));
    }

    private static String file(Article article) {
        return Path.of(article.getSource().getOrigin().replaceAll("#.*$", "")).getFileName().toString();
    }

    private static <V> Map<String, V> onlyKeys(Map<String, V> map, Set<String> keys) {
        Map<String, V> kept = new TreeMap<>(map);
        kept.keySet().retainAll(keys);
        return kept;
    }

    /** What a consumer materialising a compacted topic ends with: the last value per key, tombstones removing. */
    private static <V> Map<String, V> latest(List<ConsumerRecord<String, V>> records) {
        Map<String, V> map = new TreeMap<>();
        for (ConsumerRecord<String, V> r : records) {
            if (r.value() == null) {
                map.remove(r.key());
            } else {
                map.put(r.key(), r.value());
            }
        }
        return map;
    }

    /** Waits until the decision log holds {@code count} records matching {@code wanted}; returns them. */
    private static List<DedupDecision> awaitDecisions(Predicate<DedupDecision> wanted, int count) {
        List<DedupDecision> found = Await.until(count + " decisions on " + ParleyTopics.DEDUP_DECISIONS, WAIT,
                Duration.ofMillis(250), () -> readAll(ParleyTopics.DEDUP_DECISIONS, DedupDecision.class).stream()
                        .map(ConsumerRecord::value).filter(wanted).toList(), decisions -> decisions.size() >= count);
        assertThat(found).as("decisions on " + ParleyTopics.DEDUP_DECISIONS).hasSize(count);
        return found;
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) {
        Map<String, Object> consumerConfig = new TreeMap<>(node.config().clientConfig());
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return Map.copyOf(consumer.endOffsets(partitions));
        }
    }

    /** Every committed record of the topic up to its current end, keys and values through the registry. */
    private static <V> List<ConsumerRecord<String, V>> readAll(String topic, Class<V> type) {
        Map<String, Object> clientConfig = node.config().clientConfig();
        Deserializer<String> keys = AvroSerdes.key(String.class, clientConfig).deserializer();
        Deserializer<V> values = AvroSerdes.value(type, clientConfig).deserializer();
        Map<String, Object> consumerConfig = new TreeMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(consumerConfig, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
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
}
