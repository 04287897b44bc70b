package dev.parley.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.Article;
import dev.parley.avro.DecisionEvent;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.DuplicateKind;
import dev.parley.avro.RejectReason;
import dev.parley.avro.RejectedInput;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.UniqueArticle;
import dev.parley.config.ParleyConfig;
import dev.parley.dedup.DedupConfig;
import dev.parley.ingest.Corpora;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.StreamsRuntime;
import dev.parley.kafka.serde.AvroDeserializer;
import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.kafka.serde.SchemaRegistryClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure inside the dedup processor after the engine has planned, under the properties the stage runs with: the
 * record is dead-lettered, no store holds any of it, and the same record again is decided as if the failure had
 * never happened (not REINGESTED).
 */
class DedupAtomicityTest {

    private static final Path SAMPLES = Path.of(System.getProperty("parley.samples.dir", "../samples"));
    private static final String REGISTRY = "mock://dedup-atomicity-test";

    @TempDir
    Path dataDir;

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
    void aThrowAfterPlanningLeavesNoTraceAndTheRetryIsDecidedNormally() {
        Article original = Corpora.file(SAMPLES, "03_");
        Article copy = Article.newBuilder(original).setId("verbatim-copy")
                .setPublishedAt(original.getPublishedAt().plusSeconds(3600)).build();
        // Fails once, on the copy's complete plan: after the engine and the processor have done all their work.
        AtomicReference<DedupProcessor.Plan> failedPlan = new AtomicReference<>();
        Topology topology = new DedupTopology(DedupConfig.defaults(), DedupTopology.DEFAULT_LATENESS, keys, articles,
                uniques, decisions, statements).buildTopology(plan -> {
                    boolean isCopy = plan.outputs().stream().anyMatch(r -> r.key().equals(copy.getId()));
                    if (isCopy && failedPlan.compareAndSet(null, plan)) {
                        throw new IllegalStateException("injected failure before apply");
                    }
                });
        ParleyConfig config = ParleyConfig.of(Map.of(ParleyConfig.SCHEMA_REGISTRY_URL, REGISTRY,
                ParleyConfig.BOOTSTRAP_SERVERS, "unused:9092", "parley.data.dir", dataDir.toString()));
        Properties props = StreamsRuntime.properties(config, DedupTopology.STAGE, null, topology);

        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(ParleyTopics.ARTICLES_RAW,
                    keys.serializer(), articles.serializer());
            var decisionLog = driver.createOutputTopic(ParleyTopics.DEDUP_DECISIONS, keys.deserializer(),
                    decisions.deserializer());
            var unique = driver.createOutputTopic(ParleyTopics.ARTICLES_UNIQUE, keys.deserializer(),
                    uniques.deserializer());
            var deadLetters = driver.createOutputTopic(ParleyTopics.DEAD_LETTER, Serdes.ByteArray().deserializer(),
                    Serdes.ByteArray().deserializer());

            raw.pipeInput(original.getId(), original, original.getPublishedAt());
            assertThat(decisionLog.readValuesToList()).extracting(DedupDecision::getArticleId)
                    .containsExactly(original.getId());
            unique.readRecordsToList();

            raw.pipeInput(copy.getId(), copy, copy.getPublishedAt());
            assertThat(failedPlan.get()).as("the failure was injected").isNotNull();
            assertThat(failedPlan.get().writes().writes()).as("into a plan that writes the copy's state")
                    .anyMatch(w -> w.key().equals(copy.getId()));
            assertThat(storesMentioning(driver, copy.getId())).as("stores mentioning the failed copy").isEmpty();
            assertThat(decisionLog.readValuesToList()).isEmpty();
            assertThat(unique.readRecordsToList()).isEmpty();
            List<byte[]> letters = deadLetters.readValuesToList();
            assertThat(letters).hasSize(1);
            RejectedInput letter = new AvroDeserializer<>(RejectedInput.class, SchemaRegistryClients.forUrl(REGISTRY))
                    .deserialize(ParleyTopics.DEAD_LETTER, letters.get(0));
            assertThat(letter.getReason()).isEqualTo(RejectReason.PROCESSING_ERROR);
            assertThat(letter.getMessage()).contains("failed before it changed anything");

            raw.pipeInput(copy.getId(), copy, copy.getPublishedAt());
            List<DedupDecision> retry = decisionLog.readValuesToList();
            assertThat(retry).singleElement().satisfies(d -> {
                assertThat(d.getArticleId()).isEqualTo(copy.getId());
                assertThat(d.getEvent()).isEqualTo(DecisionEvent.DECIDED);
                assertThat(d.getKind()).isEqualTo(DuplicateKind.EXACT_COPY);
                assertThat(d.getCanonicalId()).isEqualTo(original.getId());
            });
            List<KeyValue<String, UniqueArticle>> uniqueAfter = unique.readKeyValuesToList();
            assertThat(uniqueAfter).anySatisfy(kv -> {
                assertThat(kv.key).isEqualTo(original.getId());
                assertThat(kv.value.getCopies()).containsExactly(copy.getId());
            });
            assertThat(storesMentioning(driver, copy.getId())).contains(DedupStoreNames.ARTICLES,
                    DedupStoreNames.DECISIONS, DedupStoreNames.SOURCES, DedupStoreNames.COPIES);
            assertThat(deadLetters.isEmpty()).isTrue();
        }
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
}
