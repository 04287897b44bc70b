package dev.parley.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.Article;
import dev.parley.avro.BoilerplateSpan;
import dev.parley.avro.DecisionEvent;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.UniqueArticle;
import dev.parley.dedup.DedupConfig;
import dev.parley.ingest.Corpora;
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
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Syndicated boilerplate through the stage: a wire dateline on every article of a feed is listed as
 * {@code boilerplate} in the decision log and never published as a statement, while a communiqué half the feed
 * reprints is one statement whose text leaves the dateline out.
 */
class DedupBoilerplateTest {

    private static final Path SAMPLES = Path.of(System.getProperty("parley.samples.dir", "../samples"));
    private static final String REGISTRY = "mock://dedup-boilerplate-test";
    private static final String DATELINE = "Agencia Meridiano, servicio internacional: despacho distribuido a los "
            + "abonados del servicio informativo para su publicación inmediata y sin cambios.";
    private static final int ARTICLES = 120;

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
    void theDatelineIsBoilerplateInTheDecisionLogAndOnlyTheCommuniqueIsAStatement() {
        Random random = new Random(41);
        String communique = prose(random, 90);
        Article template = Corpora.file(SAMPLES, "11_");
        Instant start = Instant.parse("2026-02-02T06:00:00Z");
        List<Article> feed = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String body = DATELINE + "\n\n" + prose(random, 60 + random.nextInt(40))
                    + (i % 2 == 0 ? "\n\n" + communique : "") + "\n\n" + prose(random, 30);
            Instant at = start.plus(Duration.ofMinutes(7L * i));
            feed.add(Article.newBuilder(template).setId(String.format("feed-%03d", i)).setBody(body)
                    .setPublishedAt(at).setIngestedAt(at).build());
        }

        Map<String, ReprintedStatement> published = new TreeMap<>();
        List<DedupDecision> log;
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(ParleyTopics.ARTICLES_RAW,
                    keys.serializer(), articles.serializer());
            feed.forEach(a -> raw.pipeInput(a.getId(), a, a.getPublishedAt()));
            driver.createOutputTopic(ParleyTopics.STATEMENTS, keys.deserializer(), statements.deserializer())
                    .readKeyValuesToList().forEach(kv -> {
                        if (kv.value == null) {
                            published.remove(kv.key);
                        } else {
                            published.put(kv.key, kv.value);
                        }
                    });
            log = driver.createOutputTopic(ParleyTopics.DEDUP_DECISIONS, keys.deserializer(), decisions.deserializer())
                    .readValuesToList();
        }

        assertThat(published).hasSize(1);
        ReprintedStatement statement = published.values().iterator().next();
        assertThat(statement.getCanonicalArticleId()).isEqualTo("feed-000");
        assertThat(statement.getCanonicalText()).contains(communique.substring(0, 200)).doesNotContain("Meridiano");
        assertThat(statement.getReprints()).extracting(r -> r.getArticleId()).hasSize(ARTICLES / 2)
                .allMatch(id -> Integer.parseInt(id.substring(5)) % 2 == 0);

        int common = DedupConfig.defaults().commonPhraseArticles();
        List<DedupDecision> decided = log.stream().filter(d -> d.getEvent() == DecisionEvent.DECIDED).toList();
        assertThat(decided).hasSize(ARTICLES);
        for (DedupDecision d : decided.subList(common + 1, ARTICLES)) {
            assertThat(d.getBoilerplate()).as(d.getArticleId()).hasSize(1);
            BoilerplateSpan span = d.getBoilerplate().get(0);
            String body = feed.get(Integer.parseInt(d.getArticleId().substring(5))).getBody();
            assertThat(DATELINE).contains(body.substring(span.getCharStart(), span.getCharEnd()));
            assertThat(span.getArticles()).isGreaterThan(common);
        }
        assertThat(decided.subList(0, common)).allMatch(d -> d.getBoilerplate().isEmpty());
    }

    private TopologyTestDriver driver() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-boilerplate-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(new DedupTopology(DedupConfig.defaults(), DedupTopology.DEFAULT_LATENESS, keys,
                articles, uniques, decisions, statements).buildTopology(), props);
    }

    /** Sentences of pseudo-words no two calls share by chance. */
    private static String prose(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            StringBuilder w = new StringBuilder();
            int len = 4 + random.nextInt(6);
            for (int c = 0; c < len; c++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            sb.append(i == 0 ? "" : (i % 11 == 0 ? ". " : " ")).append(w);
        }
        return sb.append('.').toString();
    }
}
