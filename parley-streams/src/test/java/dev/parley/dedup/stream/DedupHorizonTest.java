package dev.parley.dedup.stream;

import dev.parley.ingest.Corpora;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.Article;
import dev.parley.avro.DatePrecision;
import dev.parley.avro.DateSource;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.DuplicateKind;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.UniqueArticle;
import dev.parley.dedup.DedupConfig;
import dev.parley.dedup.ExpiryClock;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.kafka.serde.SchemaRegistryClients;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/** The event-time horizon: what is compared, and when the index forgets. */
class DedupHorizonTest {

    private static final Path SAMPLES = Path.of(System.getProperty("parley.samples.dir", "../samples"));
    private static final String REGISTRY = "mock://dedup-horizon-test";
    private static final DedupConfig CONFIG = DedupConfig.defaults();
    private static final Duration LATENESS = Duration.ofDays(10);
    private static final Duration DAY = Duration.ofDays(1);

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

    @Test
    void theHorizonIsThirtyDaysByDefault() {
        assertThat(CONFIG.horizon()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aCopyPublishedWithinTheHorizonIsACopy() {
        Article original = sample("08_");
        Article copy = republished(original, "copy-within", original.getPublishedAt().plus(CONFIG.horizon()).minus(DAY));

        Map<String, DedupDecision> decided = decide(original, copy);

        assertThat(decided.get(copy.getId()).getKind()).isEqualTo(DuplicateKind.EXACT_COPY);
        assertThat(decided.get(copy.getId()).getCanonicalId()).isEqualTo(original.getId());
    }

    @Test
    void copiesPublishedFurtherApartThanTheHorizonAreBothUnique() {
        Article original = sample("08_");
        Article copy = republished(original, "copy-beyond", original.getPublishedAt().plus(CONFIG.horizon()).plus(DAY));

        Map<String, DedupDecision> decided = decide(original, copy);

        assertThat(decided.get(original.getId()).getKind()).isEqualTo(DuplicateKind.UNIQUE);
        assertThat(decided.get(copy.getId()).getKind()).isEqualTo(DuplicateKind.UNIQUE);
        assertThat(decided.get(copy.getId()).getClusterId()).isEqualTo(copy.getId());
    }

    @Test
    void expiryRemovesAnArticleFromEveryStoreOnceTheClockIsPastHorizonPlusLateness() {
        Article old = sample("08_");
        Instant t = old.getPublishedAt();
        Instant keepBound = t.plus(CONFIG.horizon()).plus(LATENESS);
        try (TopologyTestDriver driver = driver(LATENESS)) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(ParleyTopics.ARTICLES_RAW,
                    keys.serializer(), articles.serializer());
            pipe(raw, old);
            assertThat(storesMentioning(driver, old.getId())).contains(DedupStoreNames.ARTICLES,
                    DedupStoreNames.POSTINGS, DedupStoreNames.DECISIONS, DedupStoreNames.SOURCES);

            for (int i = 0; i < ExpiryClock.QUORUM; i++) {
                pipe(raw, republished(sample("11_"), "within-" + i, keepBound.minus(DAY)));
            }
            assertThat(storesMentioning(driver, old.getId())).as("still within horizon + lateness")
                    .contains(DedupStoreNames.ARTICLES, DedupStoreNames.POSTINGS, DedupStoreNames.SOURCES);

            Instant past = keepBound.plus(DAY.multipliedBy(2));
            pipe(raw, republished(sample("01_"), "past-0", past));
            assertThat(storesMentioning(driver, old.getId())).as("one article past the bound is no quorum")
                    .contains(DedupStoreNames.ARTICLES, DedupStoreNames.SOURCES);

            for (int i = 1; i < ExpiryClock.QUORUM; i++) {
                pipe(raw, republished(sample("01_"), "past-" + i, past));
            }
            assertThat(storesMentioning(driver, old.getId())).as("past horizon + lateness").isEmpty();
            assertThat(storesMentioning(driver, "past-0")).contains(DedupStoreNames.ARTICLES);
        }
    }

    /**
     * The samples as read, in file order, except that sample 12 is dated the way ingest dates a file without a
     * date (as it once was): by the FALLBACK rule, its modification time, so about when it is ingested and months
     * after the rest. That one article must not move the index's clock past the lateness for everything else: a
     * verbatim copy of sample 03 posted afterwards still links to it.
     */
    @Test
    void anArticleDatedMonthsAfterTheRestDoesNotExpireTheIndex() {
        Article original = sample("03_");
        Article copy = republished(original, "copy-of-03", original.getPublishedAt().plus(DAY));
        List<Article> input = new ArrayList<>();
        for (Article a : Corpora.accepted(SAMPLES)) {
            boolean twelve = Path.of(a.getSource().getOrigin()).getFileName().toString().startsWith("12_");
            input.add(!twelve ? a : Article.newBuilder(a).setPublishedAt(a.getIngestedAt())
                    .setPublishedPrecision(DatePrecision.INSTANT).setPublishedAtSource(DateSource.FALLBACK).build());
        }
        Instant latestOfTheRest = input.stream().filter(a -> a.getPublishedAtSource() != DateSource.FALLBACK)
                .map(Article::getPublishedAt).max(Instant::compareTo).orElseThrow();
        Instant undatedAt = input.stream().filter(a -> a.getPublishedAtSource() == DateSource.FALLBACK)
                .map(Article::getPublishedAt).findFirst().orElseThrow();
        assertThat(Duration.between(latestOfTheRest, undatedAt))
                .as("the undated sample is further ahead than horizon + lateness")
                .isGreaterThan(CONFIG.horizon().plus(DedupTopology.DEFAULT_LATENESS));
        input.add(copy);

        DedupDecision decided = decide(DedupTopology.DEFAULT_LATENESS, input).get(copy.getId());

        assertThat(decided.getKind()).isEqualTo(DuplicateKind.EXACT_COPY);
        assertThat(decided.getCanonicalId()).isEqualTo(original.getId());
    }

    /**
     * A live feed whose items carry dates far in the future (a wrong time zone, a typo in the year): each counts
     * at most a day past its ingestion, so however many there are, an article from yesterday is still in the index
     * and its verbatim copy links to it.
     */
    @Test
    void articlesDatedFarInTheFutureDoNotExpireTheIndex() {
        Article original = sample("03_");
        Instant t = original.getPublishedAt();
        Article live = Article.newBuilder(original).setIngestedAt(t.plus(Duration.ofHours(1))).build();
        List<Article> input = new ArrayList<>(List.of(live));
        for (int i = 0; i < ExpiryClock.QUORUM + 2; i++) {
            input.add(Article.newBuilder(sample("11_")).setId("future-" + i)
                    .setPublishedAt(t.plus(DAY.multipliedBy(270 + i))).setIngestedAt(t.plus(DAY)).build());
        }
        Article copy = Article.newBuilder(republished(original, "copy-of-03", t.plus(DAY.multipliedBy(2))))
                .setIngestedAt(t.plus(DAY.multipliedBy(2))).build();
        input.add(copy);

        DedupDecision decided = decide(DedupTopology.DEFAULT_LATENESS, input).get(copy.getId());

        assertThat(decided.getKind()).isEqualTo(DuplicateKind.EXACT_COPY);
        assertThat(decided.getCanonicalId()).isEqualTo(original.getId());
    }

    // ---- helpers ----

    private TopologyTestDriver driver(Duration lateness) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-horizon-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(new DedupTopology(CONFIG, lateness, keys, articles, uniques, decisions,
                statements).buildTopology(), props);
    }

    private Map<String, DedupDecision> decide(Article... input) {
        return decide(LATENESS, List.of(input));
    }

    private Map<String, DedupDecision> decide(Duration lateness, List<Article> input) {
        try (TopologyTestDriver driver = driver(lateness)) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(ParleyTopics.ARTICLES_RAW,
                    keys.serializer(), articles.serializer());
            for (Article a : input) {
                pipe(raw, a);
            }
            Map<String, DedupDecision> latest = new TreeMap<>();
            driver.createOutputTopic(ParleyTopics.ARTICLES_CLUSTERS, keys.deserializer(), decisions.deserializer())
                    .readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
            return latest;
        }
    }

    private static void pipe(TestInputTopic<String, Article> raw, Article a) {
        raw.pipeInput(a.getId(), a, a.getPublishedAt());
    }

    /** Names of the stores with an entry whose key or value mentions the id. */
    private static List<String> storesMentioning(TopologyTestDriver driver, String id) {
        List<String> found = new ArrayList<>();
        for (String name : DedupStoreNames.ALL) {
            KeyValueStore<String, Object> store = driver.getKeyValueStore(name);
            try (KeyValueIterator<String, Object> all = store.all()) {
                while (all.hasNext()) {
                    var kv = all.next();
                    if (kv.key.contains(id) || String.valueOf(kv.value).contains(id)) {
                        found.add(name);
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static Article republished(Article article, String id, Instant publishedAt) {
        return Article.newBuilder(article).setId(id).setPublishedAt(publishedAt).build();
    }

    private static Article sample(String filePrefix) {
        return Corpora.file(SAMPLES, filePrefix);
    }
}
