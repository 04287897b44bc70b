package dev.parley.views.stream;

import dev.parley.avro.DedupDecision;
import dev.parley.avro.DyadState;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.StatementReprint;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.StateFormats;
import dev.parley.views.ArticleStatements;
import dev.parley.views.ClusterMember;
import dev.parley.views.ClusterMembers;
import dev.parley.views.MembershipChange;
import dev.parley.views.ProvenancePart;
import dev.parley.views.ViewStores;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The views over deduplication's and extraction's outputs (the per-dyad and per-actor ones: {@link EngagementViews}). Deduplication, both ways round: statements with their reprints, and per article its
 * dedup decision, its cluster's members and the statements it carries; engagement events and commitments by id. Keys of the stores fed by a repartition
 * are plain UTF-8 strings (internal topics, no registry needed); the query router serialises them the same way.
 */
public final class DedupViewsTopology {

    public static final String STAGE = ViewStores.VIEWS_STAGE;
    /** Repartition of cluster members by cluster id (topic {@code <application id>-<this>-repartition}). */
    public static final String CLUSTER_MEMBERS_REPARTITION = "views-cluster-members";
    /** Repartition of statement membership changes by article id. */
    public static final String ARTICLE_STATEMENTS_REPARTITION = "views-article-statements";
    static final String STATEMENT_MEMBERS_STORE = "views-statement-members";
    /** Repartition of the provenance parts (decision, clusters, statements) by article id ({@link GroupPartitioner}). */
    public static final String ARTICLE_PROVENANCE_REPARTITION = "views-provenance-by-article";
    static final String CLUSTER_ARTICLES_STORE = "views-cluster-articles";
    static final String STATEMENT_ARTICLES_STORE = "views-statement-articles";

    private final Serde<String> keys;
    private final Serde<DedupDecision> decisions;
    private final Serde<ReprintedStatement> statements;

    private final Serde<EngagementEvent> events;
    private final Serde<EngagementCommitment> commitments;
    private final Serde<DyadState> dyadStates;
    private final Duration dyadHistory;

    /** @param dyadHistory how long the versioned dyad store keeps versions (as-of queries reach that far back) */
    public DedupViewsTopology(Serde<String> keys, Serde<DedupDecision> decisions, Serde<ReprintedStatement> statements,
                              Serde<EngagementEvent> events, Serde<EngagementCommitment> commitments,
                              Serde<DyadState> dyadStates, Duration dyadHistory) {
        this.dyadStates = dyadStates;
        this.dyadHistory = dyadHistory;
        this.keys = keys;
        this.decisions = decisions;
        this.statements = statements;
        this.events = events;
        this.commitments = commitments;
    }

    public Topology buildTopology() {
        StreamsBuilder builder = new StreamsBuilder();

        KTable<String, DedupDecision> articleDedup = builder.table(ParleyTopics.ARTICLES_CLUSTERS,
                Consumed.with(keys, decisions),
                Materialized.<String, DedupDecision, KeyValueStore<Bytes, byte[]>>as(ViewStores.ARTICLE_DEDUP.name())
                        .withKeySerde(keys).withValueSerde(decisions));
        // KTable re-grouping sends the subtraction for an article's old cluster and the addition for its new one.
        KTable<String, ClusterMembers> clusterMembers = articleDedup
                .groupBy((articleId, d) -> KeyValue.pair(d.getClusterId(), new ClusterMember(articleId, d.getKind().name())),
                        Grouped.with(CLUSTER_MEMBERS_REPARTITION, Serdes.String(), ViewStateFormats.CLUSTER_MEMBER.serde()))
                .aggregate(ClusterMembers::empty, (cluster, member, members) -> members.with(member),
                        (cluster, member, members) -> members.without(member),
                        Materialized.<String, ClusterMembers, KeyValueStore<Bytes, byte[]>>as(ViewStores.CLUSTER_MEMBERS.name())
                                .withKeySerde(Serdes.String()).withValueSerde(ViewStateFormats.CLUSTER_MEMBERS.serde()));

        KTable<String, ReprintedStatement> statementTable = builder.table(ParleyTopics.STATEMENTS,
                Consumed.with(keys, statements),
                Materialized.<String, ReprintedStatement, KeyValueStore<Bytes, byte[]>>as(ViewStores.STATEMENTS.name())
                        .withKeySerde(keys).withValueSerde(statements));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATEMENT_MEMBERS_STORE),
                Serdes.String(), StateFormats.STRING_LIST.serde()));
        statementTable.toStream()
                .process(StatementMembershipProcessor::new, STATEMENT_MEMBERS_STORE)
                .repartition(Repartitioned.<String, MembershipChange>as(ARTICLE_STATEMENTS_REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(ViewStateFormats.MEMBERSHIP_CHANGE.serde()))
                .groupByKey(Grouped.with(Serdes.String(), ViewStateFormats.MEMBERSHIP_CHANGE.serde()))
                .aggregate(ArticleStatements::empty, (articleId, change, current) -> current.apply(change),
                        Materialized.<String, ArticleStatements, KeyValueStore<Bytes, byte[]>>as(ViewStores.ARTICLE_STATEMENTS.name())
                                .withKeySerde(Serdes.String()).withValueSerde(ViewStateFormats.ARTICLE_STATEMENTS.serde()));

        addProvenance(builder, articleDedup, clusterMembers, statementTable);

        // Engagement events and commitments as the extraction publishes them (compacted, keyed by id).
        KTable<String, EngagementEvent> eventTable = builder.table(ParleyTopics.ENGAGEMENT_EVENTS, Consumed.with(keys, events),
                Materialized.<String, EngagementEvent, KeyValueStore<Bytes, byte[]>>as(ViewStores.EVENTS.name())
                        .withKeySerde(keys).withValueSerde(events));
        KTable<String, EngagementCommitment> commitmentTable = builder.table(ParleyTopics.ENGAGEMENT_COMMITMENTS,
                Consumed.with(keys, commitments),
                Materialized.<String, EngagementCommitment, KeyValueStore<Bytes, byte[]>>as(ViewStores.COMMITMENTS.name())
                        .withKeySerde(keys).withValueSerde(commitments));
        EngagementViews.add(builder, eventTable, commitmentTable, keys, events, commitments, dyadStates, dyadHistory);
        return builder.build();
    }

    /**
     * Everything {@code GET /api/articles/{id}} shows beyond the article, filed under the article id as
     * {@code articleId|part} ({@link ProvenancePart}) and partitioned by the article id: its dedup decision, the
     * members of its cluster (filed under every member) and every statement it carries (filed under every reprint).
     * An article's provenance is then one prefix scan of one partition, whatever the number of its statements.
     * A cluster or statement an article has left is removed from it ({@link FanOutProcessor}).
     */
    private void addProvenance(StreamsBuilder builder, KTable<String, DedupDecision> articleDedup,
                               KTable<String, ClusterMembers> clusterMembers,
                               KTable<String, ReprintedStatement> statementTable) {
        Serde<List<String>> groups = StateFormats.STRING_LIST.serde();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLUSTER_ARTICLES_STORE),
                Serdes.String(), groups));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATEMENT_ARTICLES_STORE),
                Serdes.String(), groups));
        KStream<String, ProvenancePart> decisions = articleDedup.toStream()
                .map((articleId, d) -> KeyValue.pair(part(articleId, ProvenancePart.DECISION, articleId),
                        d == null ? null : ProvenancePart.decision(d)));
        KStream<String, ProvenancePart> clusters = clusterMembers.toStream()
                .process(() -> new FanOutProcessor<ClusterMembers>(CLUSTER_ARTICLES_STORE,
                        m -> m.members().stream().map(ClusterMember::articleId).toList()), CLUSTER_ARTICLES_STORE)
                .map((key, members) -> KeyValue.pair(
                        part(GroupPartitioner.group(key), ProvenancePart.CLUSTER, GroupPartitioner.id(key)),
                        members == null ? null : ProvenancePart.cluster(GroupPartitioner.id(key), members)));
        KStream<String, ProvenancePart> carried = statementTable.toStream()
                .process(() -> new FanOutProcessor<ReprintedStatement>(STATEMENT_ARTICLES_STORE,
                        s -> s.getReprints().stream().map(StatementReprint::getArticleId).toList()),
                        STATEMENT_ARTICLES_STORE)
                .map((key, statement) -> KeyValue.pair(
                        part(GroupPartitioner.group(key), ProvenancePart.STATEMENT, GroupPartitioner.id(key)),
                        statement == null ? null : ProvenancePart.statement(statement)));
        decisions.merge(clusters).merge(carried)
                .repartition(Repartitioned.<String, ProvenancePart>as(ARTICLE_PROVENANCE_REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(ViewStateFormats.PROVENANCE_PART.serde())
                        .withStreamPartitioner(new GroupPartitioner<>()))
                .toTable(Materialized.<String, ProvenancePart, KeyValueStore<Bytes, byte[]>>as(
                                ViewStores.ARTICLE_PROVENANCE.name())
                        .withKeySerde(Serdes.String()).withValueSerde(ViewStateFormats.PROVENANCE_PART.serde()));
    }

    private static String part(String articleId, String kind, String id) {
        return GroupPartitioner.key(articleId, ProvenancePart.idOf(kind, id));
    }
}
