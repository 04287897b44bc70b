package dev.parley.dedup.stream;

import dev.parley.ingest.Corpora;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.Article;
import dev.parley.avro.DecisionEvent;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.DuplicateKind;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.StatementReprint;
import dev.parley.avro.UniqueArticle;
import dev.parley.dedup.DedupConfig;
import dev.parley.kafka.ParleyTopics;
import static dev.parley.kafka.CompactedTopics.latest;
import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.kafka.serde.SchemaRegistryClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dedup stage through TopologyTestDriver, fed by the real ingest of the seeds and the samples. */
class DedupTopologyTest {

    private static final Path SEEDS = Path.of(System.getProperty("parley.seeds.dir", "../shared/seeds"));
    private static final Path SAMPLES = Path.of(System.getProperty("parley.samples.dir", "../samples"));
    private static final String REGISTRY = "mock://dedup-topology-test";
    /**
     * Order-independence holds for articles that arrive less than the lateness behind stream time. The samples
     * include one article with no date, dated by its file's modification time (the checkout time), months after
     * the rest: the lateness must cover that span for the result not to depend on where it falls in the order.
     */
    private static final java.time.Duration LATENESS = java.time.Duration.ofDays(3650);

    private final Map<String, Object> serdeConfig = Map.of("schema.registry.url", REGISTRY);
    private final Serde<String> keys = AvroSerdes.key(String.class, serdeConfig);
    private final Serde<Article> articles = AvroSerdes.value(Article.class, serdeConfig);
    private final Serde<UniqueArticle> uniques = AvroSerdes.value(UniqueArticle.class, serdeConfig);
    private final Serde<DedupDecision> decisions = AvroSerdes.value(DedupDecision.class, serdeConfig);
    private final Serde<ReprintedStatement> statements = AvroSerdes.value(ReprintedStatement.class, serdeConfig);

    @AfterEach
    void dropRegistry() {
        SchemaRegistryClients.dropMock(REGISTRY);
    }

    /** Everything one run leaves behind: the compacted outputs as maps and every store's contents. */
    record FinalState(Map<String, UniqueArticle> unique, Map<String, DedupDecision> duplicates,
                      Map<String, DedupDecision> clusters, Map<String, ReprintedStatement> statements,
                      List<DedupDecision> decisionLog, Map<String, Map<String, Object>> stores) {
    }

    private FinalState run(List<Article> input) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        DedupTopology topology = new DedupTopology(DedupConfig.defaults(), LATENESS, keys, articles, uniques, decisions, statements);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology.buildTopology(), props)) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(ParleyTopics.ARTICLES_RAW,
                    keys.serializer(), articles.serializer());
            input.forEach(a -> raw.pipeInput(a.getId(), a, a.getPublishedAt()));
            Map<String, Map<String, Object>> stores = new TreeMap<>();
            for (String name : DedupStoreNames.ALL) {
                KeyValueStore<String, Object> store = driver.getKeyValueStore(name);
                Map<String, Object> contents = new TreeMap<>();
                try (KeyValueIterator<String, Object> all = store.all()) {
                    all.forEachRemaining(kv -> contents.put(kv.key, kv.value));
                }
                stores.put(name, contents);
            }
            return new FinalState(
                    latest(driver.createOutputTopic(ParleyTopics.ARTICLES_UNIQUE, keys.deserializer(), uniques.deserializer())),
                    latest(driver.createOutputTopic(ParleyTopics.ARTICLES_DUPLICATES, keys.deserializer(), decisions.deserializer())),
                    latest(driver.createOutputTopic(ParleyTopics.ARTICLES_CLUSTERS, keys.deserializer(), decisions.deserializer())),
                    latest(driver.createOutputTopic(ParleyTopics.STATEMENTS, keys.deserializer(), statements.deserializer())),
                    driver.createOutputTopic(ParleyTopics.DEDUP_DECISIONS, keys.deserializer(), decisions.deserializer())
                            .readValuesToList(),
                    stores);
        }
    }


    private static List<Article> read(Path folder) {
        return Corpora.accepted(folder);
    }

    private static String file(Article article) {
        return Path.of(article.getSource().getOrigin().replaceAll("#.*$", "")).getFileName().toString();
    }

    @Test
    void seedsGiveExactlyTheThreeStatementsAndNoNearIdenticalArticles() {
        List<Article> seeds = read(SEEDS);
        assertThat(seeds).hasSize(5);
        Map<String, String> prefix = seeds.stream().collect(Collectors.toMap(Article::getId, a -> file(a).substring(0, 3)));

        FinalState state = run(seeds);

        assertThat(state.duplicates()).isEmpty();
        assertThat(state.unique()).hasSize(5);
        Set<Set<String>> carriers = state.statements().values().stream()
                .map(s -> s.getReprints().stream().map(r -> prefix.get(r.getArticleId())).collect(Collectors.toSet()))
                .collect(Collectors.toSet());
        assertThat(carriers).containsExactlyInAnyOrder(Set.of("001", "002", "004"), Set.of("000", "003"),
                Set.of("002", "004"));
        for (ReprintedStatement statement : state.statements().values()) {
            StatementReprint canonical = statement.getReprints().get(0);
            assertThat(canonical.getCanonical()).isTrue();
            assertThat(canonical.getArticleId()).isEqualTo(statement.getCanonicalArticleId());
            assertThat(canonical.getOrigin()).startsWith("seeds/");
            assertThat(statement.getCanonicalText().split("\\s+").length).isGreaterThanOrEqualTo(12);
        }
    }

    @Test
    void seedsIngestedTwiceAreFlaggedAsTheSameArticlesAndChangeNothing() {
        List<Article> seeds = read(SEEDS);
        FinalState once = run(seeds);
        List<Article> twice = new ArrayList<>(seeds);
        twice.addAll(read(SEEDS));

        FinalState again = run(twice);

        assertThat(again.unique()).isEqualTo(once.unique());
        assertThat(again.statements()).isEqualTo(once.statements());
        assertThat(again.decisionLog().stream().filter(d -> d.getEvent() == DecisionEvent.REINGESTED))
                .hasSize(5)
                .allSatisfy(d -> assertThat(d.getKind()).isEqualTo(DuplicateKind.UNIQUE));
    }

    @Test
    void wholeDocumentCopiesInTheSamplesFormOneClusterAroundTheEarliest() {
        List<Article> samples = read(SAMPLES);
        List<Article> copies = samples.stream().filter(a -> file(a).matches("(08|09|10)_.*")).toList();
        assertThat(copies).hasSize(3);
        Article earliest = copies.stream().min(java.util.Comparator.comparing(Article::getPublishedAt)
                .thenComparing(Article::getId)).orElseThrow();

        FinalState state = run(samples);

        assertThat(state.duplicates().keySet()).containsExactlyInAnyOrderElementsOf(copies.stream()
                .map(Article::getId).filter(id -> !id.equals(earliest.getId())).toList());
        state.duplicates().values().forEach(d -> {
            assertThat(d.getCanonicalId()).isEqualTo(earliest.getId());
            assertThat(d.getKind()).isIn(DuplicateKind.EXACT_COPY, DuplicateKind.NEAR_DUPLICATE);
            assertThat(d.getJaccard()).isGreaterThanOrEqualTo(d.getJaccardThreshold());
        });
        assertThat(state.unique().get(earliest.getId()).getCopies()).hasSize(2);
        assertThat(state.clusters().values()).filteredOn(d -> d.getClusterId().equals(earliest.getId())).hasSize(3);
        assertThat(state.unique()).hasSize(samples.size() - 2);
    }

    @Test
    void finalOutputsAndStoresAreTheSameForAnyOrderAndAnyNumberOfRepetitions() {
        List<Article> corpus = new ArrayList<>(read(SEEDS));
        corpus.addAll(read(SAMPLES));
        FinalState baseline = run(corpus);
        assertThat(baseline.statements()).isNotEmpty();
        assertThat(baseline.duplicates()).isNotEmpty();

        Random random = new Random(20260111L);
        for (int trial = 0; trial < 12; trial++) {
            List<Article> shuffled = new ArrayList<>(corpus);
            int repeats = random.nextInt(corpus.size());
            for (int i = 0; i < repeats; i++) {
                shuffled.add(corpus.get(random.nextInt(corpus.size())));
            }
            Collections.shuffle(shuffled, random);
            FinalState state = run(shuffled);
            String why = "trial " + trial + " (seed 20260111)";
            assertThat(state.unique()).as(why).isEqualTo(baseline.unique());
            assertThat(state.duplicates()).as(why).isEqualTo(baseline.duplicates());
            assertThat(state.clusters()).as(why).isEqualTo(baseline.clusters());
            assertThat(state.statements()).as(why).isEqualTo(baseline.statements());
            assertThat(state.stores()).as(why).isEqualTo(baseline.stores());
        }
    }
}
