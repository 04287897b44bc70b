package dev.parley.views.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.DecisionEvent;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.Derivation;
import dev.parley.avro.DuplicateKind;
import dev.parley.avro.DyadEvent;
import dev.parley.avro.DyadState;
import dev.parley.avro.CommitmentStatus;
import dev.parley.avro.DatePrecision;
import dev.parley.avro.EventKind;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.StatementReprint;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.kafka.serde.LegacyStores;
import dev.parley.kafka.serde.SchemaRegistryClients;
import dev.parley.kafka.serde.StateFormats;
import dev.parley.views.ActorEvent;
import dev.parley.views.ArticleProvenance;
import dev.parley.views.ArticleStatements;
import dev.parley.views.ProvenancePart;
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
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import dev.parley.views.ActorView;
import dev.parley.views.ViewJson;
import java.time.LocalDate;
import java.util.HashMap;
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
    private final Serde<EngagementEvent> events = AvroSerdes.value(EngagementEvent.class, serdeConfig);
    private final Serde<EngagementCommitment> commitments = AvroSerdes.value(EngagementCommitment.class, serdeConfig);
    private final Serde<DyadState> dyadStates = AvroSerdes.value(DyadState.class, serdeConfig);
    private TopologyTestDriver driver;
    private TestInputTopic<String, EngagementEvent> eventTopic;
    private TestInputTopic<String, EngagementCommitment> commitmentTopic;
    private TestOutputTopic<String, DyadState> dyadStateTopic;
    private TestInputTopic<String, DedupDecision> clusters;
    private TestInputTopic<String, ReprintedStatement> statementTopic;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path stateDir;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "views-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(new DedupViewsTopology(keys, decisions, statements, events, commitments,
                dyadStates, EngagementViews.DEFAULT_HISTORY).buildTopology(), props);
        eventTopic = driver.createInputTopic(ParleyTopics.ENGAGEMENT_EVENTS, keys.serializer(), events.serializer());
        commitmentTopic = driver.createInputTopic(ParleyTopics.ENGAGEMENT_COMMITMENTS, keys.serializer(),
                commitments.serializer());
        dyadStateTopic = driver.createOutputTopic(ParleyTopics.DYAD_STATE, keys.deserializer(), dyadStates.deserializer());
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

    @Test
    void anArticlesProvenanceIsOnePrefixOfItsOwnIdFollowingDecisionsClustersAndStatements() {
        assertThat(provenance("a3").path("dedup").path("status").asText()).isEqualTo("PENDING");
        clusters.pipeInput("a1", decision("a1", DuplicateKind.UNIQUE, "a1"));
        clusters.pipeInput("a2", decision("a2", DuplicateKind.EXACT_COPY, "a1"));
        clusters.pipeInput("a3", decision("a3", DuplicateKind.UNIQUE, "a3"));
        statementTopic.pipeInput("s2", statement("s2", "a3", "a2"));
        statementTopic.pipeInput("s1", statement("s1", "a1", "a2", "a3"));
        var a2 = provenance("a2");
        assertThat(a2.path("dedup").path("status").asText()).isEqualTo("EXACT_COPY");
        assertThat(a2.path("dedup").path("clusterId").asText()).isEqualTo("a1");
        assertThat(a2.path("dedup").path("cluster").findValuesAsText("articleId")).containsExactly("a1", "a2");
        assertThat(a2.path("dedup").path("copies").toString()).isEqualTo("[\"a2\"]");
        assertThat(a2.path("statements").findValuesAsText("statementId")).containsExactly("s1", "s2");
        assertThat(a2.path("statements").get(0).path("otherReprints").findValuesAsText("articleId"))
                .containsExactly("a1", "a3");
        assertThat(a2.path("statements").get(0).path("canonical").asBoolean()).isFalse();

        // a3 turns out to be a near-duplicate in a1's cluster; s2 is merged away; s1 loses a2's copy.
        clusters.pipeInput("a3", decision("a3", DuplicateKind.NEAR_DUPLICATE, "a1"));
        statementTopic.pipeInput("s2", (ReprintedStatement) null);
        statementTopic.pipeInput("s1", statement("s1", "a1", "a3"));
        var a3 = provenance("a3");
        assertThat(a3.path("dedup").path("clusterId").asText()).isEqualTo("a1");
        assertThat(a3.path("dedup").path("cluster").findValuesAsText("articleId")).containsExactly("a1", "a2", "a3");
        assertThat(a3.path("dedup").path("copies").toString()).isEqualTo("[\"a2\",\"a3\"]");
        assertThat(a3.path("statements").findValuesAsText("statementId")).containsExactly("s1");
        assertThat(provenance("a2").path("statements")).isEmpty();
        assertThat(provenance("a2").path("dedup").path("cluster").findValuesAsText("articleId"))
                .containsExactly("a1", "a2", "a3");
        // Nothing is left under a3 of its old cluster, and nothing under a2 of the statements it no longer carries.
        assertThat(partKeys("a3")).containsExactly("a3|cluster:a1", "a3|decision", "a3|statement:s1");
        assertThat(partKeys("a2")).containsExactly("a2|cluster:a1", "a2|decision");

        clusters.pipeInput("a3", (DedupDecision) null);
        assertThat(provenance("a3").path("dedup").path("status").asText()).isEqualTo("PENDING");
        assertThat(partKeys("a3")).containsExactly("a3|statement:s1");
    }

    @Test
    void theDyadHistoryKeepsEveryVersionExactWhenEventsArriveOutOfOrder() {
        // 20 January first, then an article about 13 January, then one about 22 January in two dyads.
        eventTopic.pipeInput("e20", event("e20", "2026-01-20", EventKind.CONSULT_CALL, "MX-US"), at("2026-01-21"));
        eventTopic.pipeInput("e13", event("e13", "2026-01-13", EventKind.THREAT, "MX-US"), at("2026-01-22"));
        eventTopic.pipeInput("e22", event("e22", "2026-01-22", EventKind.MEET_VISIT, "CA-MX", "MX-US"), at("2026-01-23"));
        commitmentTopic.pipeInput("c1", EngagementCommitment.newBuilder(commitment("c1", "e20", CommitmentStatus.HELD,
                "2026-01-22")).setHeldOn(LocalDate.parse("2026-01-22")).setHeldAtEventId("e22").build(), at("2026-01-23"));
        // Folding waits for the beat: four changes, nothing folded yet, then both dyads once each.
        assertThat(dyadStateTopic.isEmpty()).isTrue();
        assertThat(versionAsOf("MX-US", "2026-01-25")).isNull();
        foldBeat();
        assertThat(dyadStateTopic.getQueueSize()).as("one state per dyad").isEqualTo(2);

        assertThat(eventsAsOf("MX-US", "2026-01-12")).isNull();
        assertThat(eventsAsOf("MX-US", "2026-01-13")).containsExactly("e13");
        assertThat(eventsAsOf("MX-US", "2026-01-19")).containsExactly("e13");
        assertThat(eventsAsOf("MX-US", "2026-01-20")).containsExactly("e13", "e20");
        assertThat(eventsAsOf("MX-US", "2026-01-25")).containsExactly("e13", "e20", "e22");
        assertThat(eventsAsOf("CA-MX", "2026-01-25")).containsExactly("e22");
        // The commitment agreed on the 20th is in the versions from the 20th on, held from the meeting on the 22nd.
        assertThat(versionAsOf("MX-US", "2026-01-13").getOpenCommitments()).isEmpty();
        assertThat(versionAsOf("MX-US", "2026-01-20").getOpenCommitments()).extracting(c -> c.getStatus())
                .containsExactly("SCHEDULED");
        assertThat(versionAsOf("MX-US", "2026-01-22").getPastCommitments()).extracting(c -> c.getStatus())
                .containsExactly("HELD");

        // The 13 January article is withdrawn (tombstone): every later version forgets it, the 13th has none.
        eventTopic.pipeInput("e13", (EngagementEvent) null, at("2026-01-24"));
        foldBeat();
        assertThat(eventsAsOf("MX-US", "2026-01-13")).isNull();
        assertThat(eventsAsOf("MX-US", "2026-01-21")).containsExactly("e20");

        // The compacted topic: its latest record per dyad is the current state, as the current store holds it.
        Map<String, DyadState> latest = new HashMap<>();
        dyadStateTopic.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        KeyValueStore<String, DyadState> current = driver.getKeyValueStore(ViewStores.DYADS.name());
        assertThat(ViewJson.record(latest.get("MX-US"))).isEqualTo(ViewJson.record(current.get("MX-US")));
        assertThat(latest.get("MX-US").getEvents()).extracting(DyadEvent::getId).containsExactly("e20", "e22");
        assertThat(latest.get("MX-US").getAsOf()).isNull();
        assertThat(latest.get("CA-MX").getEventCount()).isEqualTo(1);

        // Removing the CA-MX dyad from an event tombstones that dyad on the topic.
        eventTopic.pipeInput("e22", event("e22", "2026-01-22", EventKind.MEET_VISIT, "MX-US"), at("2026-01-25"));
        foldBeat();
        Map<String, DyadState> after = new HashMap<>();
        dyadStateTopic.readKeyValuesToList().forEach(kv -> after.put(kv.key, kv.value));
        assertThat(after).containsKey("CA-MX");
        assertThat(after.get("CA-MX")).isNull();
        assertThat(current.get("CA-MX")).isNull();
    }

    @Test
    void actorsKnowTheEventsTheyTookPartIn() {
        eventTopic.pipeInput("e1", event("e1", "2026-01-11", EventKind.CONSULT_CALL, "MX-US"), at("2026-01-11"));
        eventTopic.pipeInput("e2", event("e2", "2026-01-15", EventKind.CONSULT_CALL, "MX-US"), at("2026-01-15"));
        KeyValueStore<String, ActorView> actors = driver.getKeyValueStore(ViewStores.ACTORS.name());
        ActorView rubio = actors.get("marco-rubio");
        assertThat(rubio.eventCount()).isEqualTo(2);
        assertThat(rubio.lastSeen()).isEqualTo("2026-01-15");
        assertThat(rubio.country()).isEqualTo("US");
        assertThat(rubio.events()).extracting(e -> e.eventId() + " " + e.kind()).containsExactly("e1 CONSULT_CALL",
                "e2 CONSULT_CALL");
        assertThat(actors.get("country:MX")).isNull(); // countries only locate events
        eventTopic.pipeInput("e2", (EngagementEvent) null, at("2026-01-16"));
        assertThat(actors.get("marco-rubio").events()).extracting(e -> e.eventId()).containsExactly("e1");
        eventTopic.pipeInput("e1", (EngagementEvent) null, at("2026-01-16"));
        assertThat(actors.get("marco-rubio")).isNull();
    }

    @Test
    void clusterMembersAndCarriedStatementsStoredByThePreviousBuildAreUpdatedByThisOne() {
        clusters.pipeInput("a1", decision("a1", DuplicateKind.UNIQUE, "a1"));
        clusters.pipeInput("a2", decision("a2", DuplicateKind.EXACT_COPY, "a1"));
        clusters.pipeInput("a3", decision("a3", DuplicateKind.UNIQUE, "a3"));
        statementTopic.pipeInput("s1", statement("s1", "a1", "a2"));
        statementTopic.pipeInput("s2", statement("s2", "a2", "a3"));
        var clusterMembers = driver.getTimestampedKeyValueStore(ViewStores.CLUSTER_MEMBERS.name());
        var articleStatements = driver.getTimestampedKeyValueStore(ViewStores.ARTICLE_STATEMENTS.name());
        assertThat(LegacyStores.rewriteInVersionZero(clusterMembers, ViewStateFormats.CLUSTER_MEMBERS)).isEqualTo(2);
        assertThat(LegacyStores.rewriteInVersionZero(articleStatements, ViewStateFormats.ARTICLE_STATEMENTS)).isEqualTo(3);
        assertThat(LegacyStores.rewriteInVersionZero(driver.getKeyValueStore(DedupViewsTopology.STATEMENT_MEMBERS_STORE),
                StateFormats.STRING_LIST)).isEqualTo(2);
        assertThat(members("a1")).containsExactly(new ClusterMember("a1", "UNIQUE"), new ClusterMember("a2", "EXACT_COPY"));

        // A correction and a changed statement, each applied to a value the previous build stored.
        clusters.pipeInput("a3", decision("a3", DuplicateKind.NEAR_DUPLICATE, "a1"));
        statementTopic.pipeInput("s1", statement("s1", "a1", "a3"));
        assertThat(members("a1")).containsExactly(new ClusterMember("a1", "UNIQUE"),
                new ClusterMember("a2", "EXACT_COPY"), new ClusterMember("a3", "NEAR_DUPLICATE"));
        assertThat(members("a3")).isEmpty();
        assertThat(carried("a1")).containsExactly("s1");
        assertThat(carried("a2")).containsExactly("s2");
        assertThat(carried("a3")).containsExactly("s1", "s2");
        assertThat(LegacyStores.versionZeroValues(articleStatements)).as("a1's statements, read, never rewritten")
                .isEqualTo(1);
    }

    @Test
    void actorsAndPendingFoldsStoredByThePreviousBuildAreUpdatedByThisOne() {
        eventTopic.pipeInput("e1", event("e1", "2026-01-11", EventKind.CONSULT_CALL, "MX-US"), at("2026-01-11"));
        KeyValueStore<String, ActorView> actors = driver.getKeyValueStore(ViewStores.ACTORS.name());
        assertThat(LegacyStores.rewriteInVersionZero(actors, ViewStateFormats.ACTOR_VIEW)).isEqualTo(1);
        assertThat(LegacyStores.rewriteInVersionZero(driver.getKeyValueStore(DyadStateProcessors.PENDING_STORE),
                ViewStateFormats.PENDING_FOLD)).as("the dyad waiting for the fold").isEqualTo(1);
        assertThat(actors.get("marco-rubio").events()).extracting(ActorEvent::eventId).containsExactly("e1");

        eventTopic.pipeInput("e2", event("e2", "2026-01-15", EventKind.MEET_VISIT, "MX-US"), at("2026-01-15"));
        foldBeat();
        ActorView rubio = actors.get("marco-rubio");
        assertThat(rubio.eventCount()).isEqualTo(2);
        assertThat(rubio.lastSeen()).isEqualTo("2026-01-15");
        assertThat(rubio.events()).extracting(e -> e.eventId() + " " + e.kind()).containsExactly("e1 CONSULT_CALL",
                "e2 MEET_VISIT");
        assertThat(eventsAsOf("MX-US", "2026-01-12")).as("the pending fold from the old build covered the 11th")
                .containsExactly("e1");
        assertThat(eventsAsOf("MX-US", "2026-01-25")).containsExactly("e1", "e2");
    }

    /** Wall-clock time for the deferred dyad fold's beat (and its pacing) to come round. */
    private void foldBeat() {
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(2));
        try (var pending = driver.getKeyValueStore(DyadStateProcessors.PENDING_STORE).all()) {
            assertThat(pending.hasNext()).as("dyads still waiting to be folded").isFalse();
        }
    }

    private DyadState versionAsOf(String dyad, String day) {
        VersionedKeyValueStore<String, DyadState> history = driver.getVersionedKeyValueStore(ViewStores.DYAD_HISTORY.name());
        VersionedRecord<DyadState> version = history.get(dyad,
                LocalDate.parse(day).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli() - 1);
        return version == null ? null : version.value();
    }

    private List<String> eventsAsOf(String dyad, String day) {
        DyadState version = versionAsOf(dyad, day);
        return version == null ? null : version.getEvents().stream().map(DyadEvent::getId).toList();
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T12:00:00Z");
    }

    private static EngagementEvent event(String id, String date, EventKind kind, String... dyads) {
        return EngagementEvent.newBuilder(dev.parley.views.DyadStatesTest.event(id, date, kind, 1.0, List.of(dyads),
                List.of("security"), "x")).setParticipants(List.of(
                dev.parley.avro.EventParticipant.newBuilder().setActorId("marco-rubio").setName("Marco Rubio")
                        .setType("PERSON").setCountry("US").setRole(dev.parley.avro.ParticipantRole.INITIATOR).build(),
                dev.parley.avro.EventParticipant.newBuilder().setActorId("country:MX").setName("México")
                        .setType("COUNTRY").setCountry("MX").setRole(dev.parley.avro.ParticipantRole.TARGET).build()))
                .build();
    }

    private static EngagementCommitment commitment(String id, String agreedAt, CommitmentStatus status, String due) {
        return EngagementCommitment.newBuilder(dev.parley.views.DyadStatesTest.commitment(id, agreedAt, status, due,
                DatePrecision.DAY, "marco-rubio")).setDyads(List.of("MX-US")).build();
    }

    private List<ClusterMember> members(String cluster) {
        KeyValueStore<String, ValueAndTimestamp<ClusterMembers>> store =
                driver.getTimestampedKeyValueStore(ViewStores.CLUSTER_MEMBERS.name());
        ValueAndTimestamp<ClusterMembers> value = store.get(cluster);
        return value == null ? List.of() : value.value().members();
    }

    /** The article as the API serves it, from its provenance parts alone (a one-line article as ingested). */
    private com.fasterxml.jackson.databind.JsonNode provenance(String article) {
        List<com.fasterxml.jackson.databind.JsonNode> parts = new java.util.ArrayList<>();
        try (var scan = provenanceStore().prefixScan(article + "|",
                new org.apache.kafka.common.serialization.StringSerializer())) {
            scan.forEachRemaining(kv -> parts.add(ViewJson.tree(kv.value.value())));
        }
        return ArticleProvenance.of(ViewJson.MAPPER.createObjectNode().put("id", article), parts);
    }

    private List<String> partKeys(String article) {
        List<String> found = new java.util.ArrayList<>();
        try (var scan = provenanceStore().prefixScan(article + "|",
                new org.apache.kafka.common.serialization.StringSerializer())) {
            scan.forEachRemaining(kv -> found.add(kv.key));
        }
        return found;
    }

    private KeyValueStore<String, ValueAndTimestamp<ProvenancePart>> provenanceStore() {
        return driver.getTimestampedKeyValueStore(ViewStores.ARTICLE_PROVENANCE.name());
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
