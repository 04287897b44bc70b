package dev.parley.dedup.stream;

import static dev.parley.kafka.CompactedTopics.latest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.Article;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.UniqueArticle;
import dev.parley.dedup.DedupConfig;
import dev.parley.ingest.Corpora;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.kafka.serde.LegacyStores;
import dev.parley.kafka.serde.SchemaRegistryClients;
import dev.parley.kafka.serde.StateFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An upgrade over state the previous build wrote: the dedup stage processes half of the corpus, every JSON store
 * is then rewritten in state format version 0 (the bytes the build before the envelope stored for those values),
 * and the new topology carries on with the other half. Its outputs and stores must be exactly those of a run that
 * never saw the old format.
 */
class DedupLegacyStateTest {

    private static final Path SEEDS = Path.of(System.getProperty("parley.seeds.dir", "../shared/seeds"));
    private static final Path SAMPLES = Path.of(System.getProperty("parley.samples.dir", "../samples"));
    private static final String REGISTRY = "mock://dedup-legacy-state-test";

    private static final Map<String, StateFormat<?>> JSON_STORES = DedupStoreNames.JSON_FORMATS;

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

    record Outcome(Map<String, UniqueArticle> unique, Map<String, DedupDecision> duplicates,
                   Map<String, DedupDecision> clusters, Map<String, ReprintedStatement> statements,
                   List<DedupDecision> decisionLog, Map<String, Map<String, Object>> stores, int legacyValuesLeft) {
    }

    @Test
    void storesWrittenByThePreviousBuildAreReadAndTheRunEndsAsIfTheyWereNew() {
        List<Article> corpus = new ArrayList<>(Corpora.accepted(SEEDS));
        corpus.addAll(Corpora.accepted(SAMPLES));
        corpus.sort(Comparator.comparing(Article::getPublishedAt).thenComparing(Article::getId));
        int half = corpus.size() / 2;

        Outcome fresh = run(corpus, -1);
        Outcome upgraded = run(corpus, half);

        assertThat(fresh.duplicates()).as("the corpus has copies, so the old state matters").isNotEmpty();
        assertThat(fresh.statements()).isNotEmpty();
        assertThat(upgraded.legacyValuesLeft()).as("values the new build read but never rewrote").isPositive();
        assertThat(upgraded.unique()).isEqualTo(fresh.unique());
        assertThat(upgraded.duplicates()).isEqualTo(fresh.duplicates());
        assertThat(upgraded.clusters()).isEqualTo(fresh.clusters());
        assertThat(upgraded.statements()).isEqualTo(fresh.statements());
        assertThat(upgraded.decisionLog()).isEqualTo(fresh.decisionLog());
        assertThat(withoutAnalyses(inNewLayout(upgraded.stores()))).isEqualTo(withoutAnalyses(fresh.stores()));
    }

    /** Builds before dedup-cluster-of kept each article's canonical in the copies store under "c:" + id. */
    private static void moveCanonicalsToTheOldLayout(TopologyTestDriver driver) {
        KeyValueStore<String, List<String>> clusterOf = driver.getKeyValueStore(DedupStoreNames.CLUSTER_OF);
        KeyValueStore<String, List<String>> copies = driver.getKeyValueStore(DedupStoreNames.COPIES);
        List<org.apache.kafka.streams.KeyValue<String, List<String>>> all = new ArrayList<>();
        try (KeyValueIterator<String, List<String>> it = clusterOf.all()) {
            it.forEachRemaining(all::add);
        }
        assertThat(all).isNotEmpty();
        for (var kv : all) {
            copies.put("c:" + kv.key, kv.value);
            clusterOf.delete(kv.key);
        }
    }

    /**
     * An article an older build stored keeps its empty analysis (it is analysed from its text when read) until it
     * leaves the index, so the articles are compared without their packed analyses.
     */
    private static Map<String, Map<String, Object>> withoutAnalyses(Map<String, Map<String, Object>> stores) {
        Map<String, Map<String, Object>> out = new TreeMap<>(stores);
        Map<String, Object> articles = new TreeMap<>();
        stores.get(DedupStoreNames.ARTICLES).forEach((id, v) -> {
            dev.parley.dedup.store.StoredArticle a = (dev.parley.dedup.store.StoredArticle) v;
            articles.put(id, new dev.parley.dedup.store.StoredArticle(a.id(), a.publishedAtMillis(), a.text()));
        });
        out.put(DedupStoreNames.ARTICLES, articles);
        return out;
    }

    /** The canonicals an upgraded run has not rewritten yet, read where the new build keeps them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> inNewLayout(Map<String, Map<String, Object>> stores) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        stores.forEach((name, contents) -> out.put(name, new TreeMap<>(contents)));
        Map<String, Object> copies = out.get(DedupStoreNames.COPIES);
        for (String key : List.copyOf(copies.keySet())) {
            if (key.startsWith("c:")) {
                out.get(DedupStoreNames.CLUSTER_OF).put(key.substring(2), copies.remove(key));
            }
        }
        return out;
    }

    /** @param downgradeAfter how many articles the state is rewritten in version 0 after (-1: never) */
    private Outcome run(List<Article> corpus, int downgradeAfter) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-legacy-state-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        DedupTopology topology = new DedupTopology(DedupConfig.defaults(), Duration.ofDays(3650), keys, articles,
                uniques, decisions, statements);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology.buildTopology(), props)) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(ParleyTopics.ARTICLES_RAW,
                    keys.serializer(), articles.serializer());
            for (int i = 0; i < corpus.size(); i++) {
                if (i == downgradeAfter) {
                    int rewritten = JSON_STORES.entrySet().stream().mapToInt(e -> LegacyStores.rewriteInVersionZero(
                            driver.getKeyValueStore(e.getKey()), e.getValue())).sum();
                    assertThat(rewritten).isPositive();
                    moveCanonicalsToTheOldLayout(driver);
                }
                Article a = corpus.get(i);
                raw.pipeInput(a.getId(), a, a.getPublishedAt());
            }
            Map<String, Map<String, Object>> stores = new TreeMap<>();
            int legacy = 0;
            for (String name : DedupStoreNames.ALL) {
                KeyValueStore<String, Object> store = driver.getKeyValueStore(name);
                Map<String, Object> contents = new TreeMap<>();
                try (KeyValueIterator<String, Object> all = store.all()) {
                    all.forEachRemaining(kv -> contents.put(kv.key, kv.value));
                }
                stores.put(name, contents);
                if (JSON_STORES.containsKey(name)) {
                    legacy += (int) LegacyStores.versionZeroValues(driver.getKeyValueStore(name));
                }
            }
            return new Outcome(
                    latest(driver.createOutputTopic(ParleyTopics.ARTICLES_UNIQUE, keys.deserializer(), uniques.deserializer())),
                    latest(driver.createOutputTopic(ParleyTopics.ARTICLES_DUPLICATES, keys.deserializer(), decisions.deserializer())),
                    latest(driver.createOutputTopic(ParleyTopics.ARTICLES_CLUSTERS, keys.deserializer(), decisions.deserializer())),
                    latest(driver.createOutputTopic(ParleyTopics.STATEMENTS, keys.deserializer(), statements.deserializer())),
                    driver.createOutputTopic(ParleyTopics.DEDUP_DECISIONS, keys.deserializer(), decisions.deserializer())
                            .readValuesToList(),
                    stores, legacy);
        }
    }
}
