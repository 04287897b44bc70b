package dev.parley.views.stream;

import dev.parley.avro.DedupDecision;
import dev.parley.avro.DyadState;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.avro.ReprintedStatement;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.StateFormats;
import dev.parley.views.ArticleStatements;
import dev.parley.views.ClusterMember;
import dev.parley.views.ClusterMembers;
import dev.parley.views.MembershipChange;
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
        articleDedup
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
}
