package dev.parley.views.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.DecisionEvent;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.Derivation;
import dev.parley.avro.DuplicateKind;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.StatementReprint;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.kafka.serde.SchemaRegistryClients;
import dev.parley.views.ArticleStatements;
import dev.parley.views.ClusterMember;
import dev.parley.views.ClusterMembers;
import dev.parley.views.ViewStores;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The views stage through TopologyTestDriver: both directions of provenance follow updates and corrections. */
class DedupViewsTopologyTest {

    private static final String REGISTRY = "mock://dedup-views-topology-test";
    private final Map<String, Object> serdeConfig = Map.of("schema.registry.url", REGISTRY);
    private final Serde<String> keys = AvroSerdes.key(String.class, serdeConfig);
    private final Serde<DedupDecision> decisions = AvroSerdes.value(DedupDecision.class, serdeConfig);
    private final Serde<ReprintedStatement> statements = AvroSerdes.value(ReprintedStatement.class, serdeConfig);
    private TopologyTestDriver driver;
    private TestInputTopic<String, DedupDecision> clusters;
    private TestInputTopic<String, ReprintedStatement> statementTopic;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "views-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(new DedupViewsTopology(keys, decisions, statements,
                AvroSerdes.value(EngagementEvent.class, serdeConfig), AvroSerdes.value(EngagementCommitment.class, serdeConfig))
                .buildTopology(), props);
        clusters = driver.createInputTopic(ParleyTopics.ARTICLES_CLUSTERS, keys.serializer(), decisions.serializer());
        statementTopic = driver.createInputTopic(ParleyTopics.STATEMENTS, keys.serializer(), statements.serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        SchemaRegistryClients.dropMock(REGISTRY);
    }

    @Test
    void clusterMembersFollowDecisionsIncludingCorrections() {
        clusters.pipeInput("a1", decision("a1", DuplicateKind.UNIQUE, "a1"));
        clusters.pipeInput("a2", decision("a2", DuplicateKind.EXACT_COPY, "a1"));
        clusters.pipeInput("a3", decision("a3", DuplicateKind.UNIQUE, "a3"));
        assertThat(members("a1")).containsExactly(new ClusterMember("a1", "UNIQUE"), new ClusterMember("a2", "EXACT_COPY"));
        assertThat(members("a3")).containsExactly(new ClusterMember("a3", "UNIQUE"));

        // An earlier copy arrives late: a3 turns out to be a near-duplicate in a1's cluster.
        clusters.pipeInput("a3", decision("a3", DuplicateKind.NEAR_DUPLICATE, "a1"));
        assertThat(members("a1")).containsExactly(new ClusterMember("a1", "UNIQUE"),
                new ClusterMember("a2", "EXACT_COPY"), new ClusterMember("a3", "NEAR_DUPLICATE"));
        assertThat(members("a3")).isEmpty();
        KeyValueStore<String, ValueAndTimestamp<DedupDecision>> dedup =
                driver.getTimestampedKeyValueStore(ViewStores.ARTICLE_DEDUP.name());
        assertThat(dedup.get("a3").value().getClusterId()).isEqualTo("a1");
    }

    @Test
    void articlesKnowTheStatementsTheyCarryAsStatementsChange() {
        statementTopic.pipeInput("s1", statement("s1", "a1", "a2"));
        statementTopic.pipeInput("s2", statement("s2", "a2", "a3"));
        assertThat(carried("a1")).containsExactly("s1");
        assertThat(carried("a2")).containsExactly("s1", "s2");
        assertThat(carried("a3")).containsExactly("s2");

        statementTopic.pipeInput("s1", statement("s1", "a1", "a3")); // a2's copy no longer holds
        statementTopic.pipeInput("s1", statement("s1", "a1", "a3")); // re-sent unchanged: no effect
        statementTopic.pipeInput("s2", (ReprintedStatement) null);   // merged away
        assertThat(carried("a1")).containsExactly("s1");
        assertThat(carried("a2")).isEmpty();
        assertThat(carried("a3")).containsExactly("s1");
        KeyValueStore<String, ValueAndTimestamp<ReprintedStatement>> stored =
                driver.getTimestampedKeyValueStore(ViewStores.STATEMENTS.name());
        assertThat(stored.get("s2")).isNull();
        assertThat(stored.get("s1").value().getReprints()).extracting(StatementReprint::getArticleId)
                .containsExactly("a1", "a3");
    }

    private List<ClusterMember> members(String cluster) {
        KeyValueStore<String, ValueAndTimestamp<ClusterMembers>> store =
                driver.getTimestampedKeyValueStore(ViewStores.CLUSTER_MEMBERS.name());
        ValueAndTimestamp<ClusterMembers> value = store.get(cluster);
        return value == null ? List.of() : value.value().members();
    }

    private List<String> carried(String article) {
        KeyValueStore<String, ValueAndTimestamp<ArticleStatements>> store =
                driver.getTimestampedKeyValueStore(ViewStores.ARTICLE_STATEMENTS.name());
        ValueAndTimestamp<ArticleStatements> value = store.get(article);
        return value == null ? List.of() : value.value().statementIds();
    }

    private static DedupDecision decision(String article, DuplicateKind kind, String canonical) {
        return DedupDecision.newBuilder().setArticleId(article).setPublishedAt(Instant.parse("2026-01-15T00:00:00Z"))
                .setKind(kind).setCanonicalId(canonical).setClusterId(canonical)
                .setEvent(kind == DuplicateKind.UNIQUE ? DecisionEvent.DECIDED : DecisionEvent.CORRECTED).build();
    }

    private static ReprintedStatement statement(String id, String... articles) {
        List<StatementReprint> reprints = Arrays.stream(articles).map(a -> StatementReprint.newBuilder()
                .setArticleId(a).setOrigin("seeds/" + a + ".txt").setCharStart(0).setCharEnd(10).setSimilarity(1.0)
                .setDerivation(Derivation.PARTIALLY).setShare(0.2).setCanonical(a.equals(articles[0])).build()).toList();
        return ReprintedStatement.newBuilder().setId(id).setCanonicalArticleId(articles[0]).setCanonicalText("text")
                .setFirstSeen(Instant.parse("2026-01-15T00:00:00Z")).setReprints(reprints).build();
    }
}
