package dev.parley.engagement.stream;

import dev.parley.ingest.Corpora;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.Article;
import dev.parley.avro.Derivation;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.StatementReprint;
import dev.parley.avro.DatePrecision;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.avro.EventKind;
import dev.parley.avro.UniqueArticle;
import dev.parley.extract.ArticleExtractor;
import dev.parley.kafka.ParleyTopics;
import static dev.parley.kafka.CompactedTopics.latest;
import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.kafka.serde.LegacyStores;
import dev.parley.kafka.serde.SchemaRegistryClients;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engagement stage through TopologyTestDriver, fed with the seeds as the dedup stage would pass them on. */
class EngagementTopologyTest {

    private static final Path SEEDS = Path.of(System.getProperty("parley.seeds.dir", "../shared/seeds"));
    private static final String REGISTRY = "mock://engagement-topology-test";
    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.withDefaults();

    private final Map<String, Object> serdeConfig = Map.of("schema.registry.url", REGISTRY);
    private final Serde<String> keys = AvroSerdes.key(String.class, serdeConfig);
    private final Serde<UniqueArticle> uniques = AvroSerdes.value(UniqueArticle.class, serdeConfig);
    private final Serde<EngagementEvent> events = AvroSerdes.value(EngagementEvent.class, serdeConfig);
    private final Serde<EngagementCommitment> commitments = AvroSerdes.value(EngagementCommitment.class, serdeConfig);

    @AfterEach
    void dropRegistry() {
        SchemaRegistryClients.dropMock(REGISTRY);
    }

    record Outputs(Map<String, EngagementEvent> events, Map<String, EngagementCommitment> commitments) {
    }

    /** Pipes (key, value-or-tombstone) pairs, letting the merge beat run now and then, and once at the end. */
    private Outputs run(List<KeyValue<String, UniqueArticle>> input) {
        return run(input, -1);
    }

    /**
     * @param legacyBefore before piping this input, the facts store is rewritten as the build before the state
     *                     envelope stored it (-1: never)
     */
    private Outputs run(List<KeyValue<String, UniqueArticle>> input, int legacyBefore) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "engagement-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        EngagementTopology topology = new EngagementTopology(EXTRACTOR, RulesVersion.of(List.of()), Duration.ofMillis(500), keys, uniques,
                events, commitments, AvroSerdes.value(dev.parley.avro.ReprintedStatement.class, serdeConfig));
        try (TopologyTestDriver driver = new TopologyTestDriver(topology.buildTopology(), props)) {
            TestInputTopic<String, UniqueArticle> unique = driver.createInputTopic(ParleyTopics.ARTICLES_UNIQUE,
                    keys.serializer(), uniques.serializer());
            for (int i = 0; i < input.size(); i++) {
                if (i == legacyBefore) {
                    assertThat(LegacyStores.rewriteInVersionZero(driver.getKeyValueStore(EngagementMergeProcessor.FACTS_STORE),
                            EngagementStateFormats.REPORTED_FACTS)).isEqualTo(i);
                }
                unique.pipeInput(input.get(i).key, input.get(i).value);
                if (i % 3 == 2) {
                    driver.advanceWallClockTime(Duration.ofSeconds(1));
                }
            }
            // Past the merge's back-off (four merge-durations after a slow, cold first merge), so the last beat runs.
            driver.advanceWallClockTime(Duration.ofSeconds(10));
            return new Outputs(
                    latest(driver.createOutputTopic(ParleyTopics.ENGAGEMENT_EVENTS, keys.deserializer(), events.deserializer())),
                    latest(driver.createOutputTopic(ParleyTopics.ENGAGEMENT_COMMITMENTS, keys.deserializer(),
                            commitments.deserializer())));
        }
    }


    private static List<KeyValue<String, UniqueArticle>> seeds() {
        return Corpora.accepted(SEEDS).stream().map(a -> KeyValue.pair(a.getId(),
                UniqueArticle.newBuilder().setArticle(a).setClusterId(a.getId()).build())).toList();
    }

    private static String file(String origin) {
        return Path.of(origin).getFileName().toString().substring(0, 3);
    }

    @Test
    void seedsGiveTheSixUsMexicoEventsAndTheTwoCommitments() {
        Outputs out = run(seeds());

        List<EngagementEvent> dyad = out.events().values().stream().filter(e -> e.getDyads().contains("MX-US")).toList();
        assertThat(dyad).hasSize(6);
        Map<String, EngagementEvent> byDate = new TreeMap<>();
        dyad.forEach(e -> byDate.merge(e.getDate() + " " + e.getKind(), e, (a, b) -> a));
        assertThat(dyad).anySatisfy(e -> {
            assertThat(e.getKind()).isEqualTo(EventKind.CONSULT_CALL);
            assertThat(e.getDate()).isEqualTo(LocalDate.of(2026, 1, 15));
            assertThat(e.getSources().stream().map(s -> file(s.getOrigin())).collect(Collectors.toSet()))
                    .isEqualTo(Set.of("001", "002", "004"));
        });
        assertThat(dyad).anySatisfy(e -> {
            assertThat(e.getKind()).isEqualTo(EventKind.CONSULT_CALL);
            assertThat(e.getDate()).isEqualTo(LocalDate.of(2026, 1, 11));
        });
        assertThat(dyad).anySatisfy(e -> {
            assertThat(e.getKind()).isEqualTo(EventKind.THREAT);
            assertThat(e.getDatePrecision()).isEqualTo(DatePrecision.WEEK);
        });
        assertThat(dyad).anySatisfy(e -> {
            // E5: the ambassador's post, laid out by ingest with its signature in a paragraph of its own.
            assertThat(e.getKind()).isEqualTo(EventKind.STATEMENT);
            assertThat(e.getDate()).isEqualTo(LocalDate.of(2026, 1, 16));
            assertThat(e.getParticipants()).anySatisfy(p -> assertThat(p.getActorId()).isEqualTo("ronald-johnson"));
            assertThat(e.getSources().stream().map(s -> file(s.getOrigin())).toList()).containsExactly("002");
        });
        dyad.forEach(e -> assertThat(e.getRulesVersion()).startsWith("rules-"));
        // No statement was published to this driver, so every source article counts as an origin of its own (one
        // article can report an event twice: "pidió a México resultados" after the threat it answers).
        dyad.forEach(e -> assertThat(e.getIndependentOrigins())
                .isEqualTo((int) e.getSources().stream().map(s -> s.getArticleId()).distinct().count()));

        assertThat(out.commitments().values()).extracting(c -> c.getDueDate() + " " + c.getDuePrecision())
                .containsExactlyInAnyOrder("2026-01-23 DAY", "2026-02-01 MONTH");
    }

    @Test
    void factsStoredByThePreviousBuildAreMergedWithNewOnesAsIfTheyWereNew() {
        List<KeyValue<String, UniqueArticle>> seeds = seeds();
        Outputs fresh = run(seeds);

        Outputs upgraded = run(seeds, 3);

        assertThat(fresh.events()).isNotEmpty();
        assertThat(upgraded.events()).isEqualTo(fresh.events());
        assertThat(upgraded.commitments()).isEqualTo(fresh.commitments());
    }

    @Test
    void aStatementArrivingAfterItsArticlesFactsRecountsTheEventsIndependentOrigins() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "engagement-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        Serde<ReprintedStatement> statements = AvroSerdes.value(ReprintedStatement.class, serdeConfig);
        EngagementTopology topology = new EngagementTopology(EXTRACTOR, RulesVersion.of(List.of()), Duration.ofMillis(500),
                keys, uniques, events, commitments, statements);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology.buildTopology(), props)) {
            TestInputTopic<String, UniqueArticle> unique = driver.createInputTopic(ParleyTopics.ARTICLES_UNIQUE,
                    keys.serializer(), uniques.serializer());
            TestInputTopic<String, ReprintedStatement> statementsIn = driver.createInputTopic(ParleyTopics.STATEMENTS,
                    keys.serializer(), statements.serializer());
            var eventsOut = driver.createOutputTopic(ParleyTopics.ENGAGEMENT_EVENTS, keys.deserializer(),
                    events.deserializer());
            seeds().forEach(kv -> unique.pipeInput(kv.key, kv.value));
            driver.advanceWallClockTime(Duration.ofSeconds(10));
            EngagementEvent call = latest(eventsOut).values().stream()
                    .filter(e -> e.getDate().equals(LocalDate.of(2026, 1, 15)) && e.getKind() == EventKind.CONSULT_CALL)
                    .findFirst().orElseThrow();
            assertThat(call.getIndependentOrigins()).isEqualTo(3);
            List<String> sources = call.getSources().stream().map(s -> s.getArticleId()).distinct().sorted().toList();

            // The dedup stage finds later that one source only reprints another's communiqué.
            ReprintedStatement communique = ReprintedStatement.newBuilder().setId("st-communique")
                    .setCanonicalArticleId(sources.get(0)).setCanonicalText("comunicado conjunto")
                    .setFirstSeen(java.time.Instant.parse("2026-01-15T12:00:00Z"))
                    .setReprints(List.of(reprint(sources.get(0), Derivation.PARTIALLY, true),
                            reprint(sources.get(1), Derivation.WHOLLY, false)))
                    .build();
            statementsIn.pipeInput(communique.getId(), communique);
            driver.advanceWallClockTime(Duration.ofSeconds(10));
            Map<String, EngagementEvent> afterStatement = latest(eventsOut);
            assertThat(afterStatement).containsKey(call.getId());
            // Only events that report through the reprint can change.
            afterStatement.values().forEach(e -> assertThat(e.getSources()).anySatisfy(
                    s -> assertThat(s.getArticleId()).isEqualTo(sources.get(1))));
            assertThat(afterStatement.get(call.getId()).getIndependentOrigins()).isEqualTo(2);

            // Withdrawn, it no longer collapses the reprint.
            statementsIn.pipeInput(communique.getId(), null);
            driver.advanceWallClockTime(Duration.ofSeconds(10));
            assertThat(latest(eventsOut).get(call.getId()).getIndependentOrigins()).isEqualTo(3);
        }
    }

    private static StatementReprint reprint(String article, Derivation derivation, boolean canonical) {
        return StatementReprint.newBuilder().setArticleId(article).setCharStart(0).setCharEnd(10).setSimilarity(1.0)
                .setDerivation(derivation).setShare(derivation == Derivation.WHOLLY ? 0.9 : 0.2)
                .setCanonical(canonical).build();
    }

    @Test
    void everyEventRecordCarriesItsSummaryAndEvidence() {
        Outputs out = run(seeds());

        assertThat(out.events().values()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getSummary()).isNotBlank();
            assertThat(e.getEvidence()).isEqualTo(e.getSources().get(0).getPassages().get(0).getText().strip()
                    .replaceAll("\\s+", " "));
        });
        assertThat(out.events().values()).filteredOn(e -> e.getDate().equals(LocalDate.of(2026, 1, 11)))
                .extracting(EngagementEvent::getSummary)
                .containsExactly("De la Fuente (MX) spoke by phone with Rubio (US)");
    }

    @Test
    void anArticleTurningOutToBeACopyWithdrawsItsFacts() {
        List<KeyValue<String, UniqueArticle>> input = new ArrayList<>(seeds());
        Outputs before = run(input);
        String only003 = input.stream().filter(kv -> file(kv.value.getArticle().getSource().getOrigin()).equals("003"))
                .findFirst().orElseThrow().key;
        input.add(KeyValue.pair(only003, null));

        Outputs after = run(input);

        assertThat(after.events().values()).allSatisfy(e ->
                assertThat(e.getSources()).noneSatisfy(s -> assertThat(s.getArticleId()).isEqualTo(only003)));
        assertThat(after.events()).isNotEqualTo(before.events());
    }

    @Test
    void theSameSetOfArticlesGivesTheSameEventsInAnyOrder() {
        List<KeyValue<String, UniqueArticle>> seeds = seeds();
        Outputs baseline = run(seeds);
        Random random = new Random(20260115L);
        for (int trial = 0; trial < 6; trial++) {
            List<KeyValue<String, UniqueArticle>> shuffled = new ArrayList<>(seeds);
            shuffled.add(seeds.get(random.nextInt(seeds.size())));
            Collections.shuffle(shuffled, random);
            Outputs out = run(shuffled);
            assertThat(out.events()).as("trial " + trial).isEqualTo(baseline.events());
            assertThat(out.commitments()).as("trial " + trial).isEqualTo(baseline.commitments());
        }
    }

    private static KeyValue<String, UniqueArticle> article(String id, String date, String body) {
        Article a = Article.newBuilder()
                .setId(id)
                .setSource(dev.parley.avro.ArticleSource.newBuilder().setOrigin("test/" + id + ".txt").build())
                .setTitle(null).setBody(body).setLanguage("es")
                .setPublishedAt(java.time.Instant.parse(date + "T00:00:00Z"))
                .setIngestedAt(java.time.Instant.parse(date + "T00:00:00Z"))
                .setContentHash(id).build();
        return KeyValue.pair(id, UniqueArticle.newBuilder().setArticle(a).setClusterId(id).build());
    }

    @Test
    void aReportThatTheGroupMetMakesItHeldAndTimePastFebruaryMakesTheMinisterialOverdue() {
        List<KeyValue<String, UniqueArticle>> input = new ArrayList<>(seeds());
        input.add(article("met-0124", "2026-01-24", "Ciudad de México, a 24 de enero de 2026.- El Grupo de "
                + "Implementación de Seguridad se reunió este viernes 23 de enero en la Ciudad de México, con "
                + "delegaciones de México y Estados Unidos, para revisar las acciones contra el tráfico de fentanilo."));
        Outputs met = run(input);
        assertThat(met.commitments().values()).anySatisfy(c -> {
            assertThat(c.getDueDate()).isEqualTo(LocalDate.of(2026, 1, 23));
            assertThat(c.getStatus().name()).isEqualTo("HELD");
        });

        input.add(article("later-0305", "2026-03-05", "Ciudad de México, a 5 de marzo de 2026.- La Secretaría de "
                + "Relaciones Exteriores informó que continúan los trabajos técnicos sobre seguridad fronteriza."));
        Outputs later = run(input);
        assertThat(later.commitments().values()).anySatisfy(c -> {
            assertThat(c.getDuePrecision()).isEqualTo(DatePrecision.MONTH);
            assertThat(c.getStatus().name()).isEqualTo("OVERDUE");
        });
    }
}
