package dev.parley.views.stream;

import dev.parley.avro.Article;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.DyadState;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.avro.ReprintedStatement;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.StreamStage;
import dev.parley.kafka.StreamsRuntime;
import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.views.ActorView;
import dev.parley.views.ArticleStatements;
import dev.parley.views.ClusterMembers;
import dev.parley.views.DyadStates;
import dev.parley.views.FeedHub;
import dev.parley.views.HttpRemoteViews;
import dev.parley.views.ProvenancePart;
import dev.parley.views.QueryRouter;
import dev.parley.views.ViewJson;
import dev.parley.views.ViewStores;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The read side of one instance: the views stage, the query router over every view store, and the live feed.
 * A new view adds its store binding here and its feed topic in {@link FeedTopics}.
 */
public final class ReadSide implements AutoCloseable {

    private static final DyadStates DYAD_STATES = DyadStates.loadDefault();

    private final QueryRouter router;
    private final FeedHub feed;
    private final FeedConsumer feedConsumer;
    private final Admin admin;

    private ReadSide(QueryRouter router, FeedHub feed, FeedConsumer feedConsumer, Admin admin) {
        this.router = router;
        this.feed = feed;
        this.feedConsumer = feedConsumer;
        this.admin = admin;
    }

    /** @param dyadHistory how far back as-of queries of the dyad state reach (parley.views.dyad.history.days) */
    public static StreamStage stage(Map<String, Object> clientConfig, Duration dyadHistory) {
        return new StreamStage(DedupViewsTopology.STAGE, new DedupViewsTopology(
                AvroSerdes.key(String.class, clientConfig), AvroSerdes.value(DedupDecision.class, clientConfig),
                AvroSerdes.value(ReprintedStatement.class, clientConfig),
                AvroSerdes.value(EngagementEvent.class, clientConfig),
                AvroSerdes.value(EngagementCommitment.class, clientConfig),
                AvroSerdes.value(DyadState.class, clientConfig), dyadHistory).buildTopology());
    }

    static List<StoreBinding> bindings(Map<String, Object> clientConfig) {
        Serde<String> avroKeys = AvroSerdes.key(String.class, clientConfig);
        Serializer<String> sourceKeys = avroKeys.serializer();
        Serializer<String> internalKeys = Serdes.String().serializer();
        return List.of(
                StoreBinding.<Article>of(ViewStores.ARTICLES, sourceKeys, ParleyTopics.ARTICLES_RAW, ViewJson::article),
                StoreBinding.<ReprintedStatement>of(ViewStores.STATEMENTS, sourceKeys, ParleyTopics.STATEMENTS,
                        ViewJson::statement),
                StoreBinding.<DedupDecision>of(ViewStores.ARTICLE_DEDUP, sourceKeys, ParleyTopics.ARTICLES_CLUSTERS,
                        ViewJson::decision),
                StoreBinding.<ClusterMembers>ofRepartition(ViewStores.CLUSTER_MEMBERS, internalKeys,
                        DedupViewsTopology.CLUSTER_MEMBERS_REPARTITION, m -> m),
                StoreBinding.<ArticleStatements>ofRepartition(ViewStores.ARTICLE_STATEMENTS, internalKeys,
                        DedupViewsTopology.ARTICLE_STATEMENTS_REPARTITION, s -> s),
                // Keyed article id|part, partitioned by the article id: an article's provenance is one prefix scan.
                StoreBinding.<ProvenancePart>grouped(ViewStores.ARTICLE_PROVENANCE,
                        DedupViewsTopology.ARTICLE_PROVENANCE_REPARTITION, p -> p),
                StoreBinding.<EngagementEvent>of(ViewStores.EVENTS, sourceKeys, ParleyTopics.ENGAGEMENT_EVENTS,
                        ViewJson::record),
                StoreBinding.<EngagementCommitment>of(ViewStores.COMMITMENTS, sourceKeys,
                        ParleyTopics.ENGAGEMENT_COMMITMENTS, ViewJson::record),
                // Keyed dyad|id, partitioned by the dyad (GroupPartitioner): a dyad's facts are one prefix scan.
                StoreBinding.<EngagementEvent>grouped(ViewStores.DYAD_EVENTS, EngagementViews.EVENTS_BY_DYAD,
                        ViewJson::record),
                StoreBinding.<EngagementCommitment>grouped(ViewStores.DYAD_COMMITMENTS, EngagementViews.EVENTS_BY_DYAD,
                        ViewJson::record),
                // Keyed by dyad / actor id and partitioned like a plain UTF-8 key (GroupPartitioner).
                StoreBinding.<DyadState>ofRepartition(ViewStores.DYADS, internalKeys, EngagementViews.EVENTS_BY_DYAD,
                        ViewJson::record),
                StoreBinding.<DyadState>versioned(ViewStores.DYAD_HISTORY, internalKeys, EngagementViews.EVENTS_BY_DYAD,
                        ViewStores.DYADS, (version, day) -> ViewJson.record(DYAD_STATES.seenOn(version, day))),
                StoreBinding.<ActorView>ofRepartition(ViewStores.ACTORS, internalKeys, EngagementViews.EVENTS_BY_ACTOR,
                        a -> a));
    }

    /**
     * @param applicationServer    this instance's {@code host:port}, as given to Kafka Streams
     * @param applicationIdOfStage a stage's Kafka Streams application id
     * @param internalSecret       the secret instances send each other on forwarded reads
     */
    public static ReadSide start(Map<String, Object> clientConfig, StreamsRuntime runtime, String applicationServer,
                                 Function<String, String> applicationIdOfStage, String internalSecret) {
        HostInfo self = HostInfo.buildFromEndpoint(applicationServer);
        Admin admin = Admin.create(clientConfig);
        QueryRouter router = new QueryRouter(
                new KafkaStoreDirectory(runtime, self, bindings(clientConfig), applicationIdOfStage,
                        partitionCounts(admin)),
                new HttpRemoteViews(applicationServer, Duration.ofSeconds(5), internalSecret));
        FeedHub feed = new FeedHub();
        return new ReadSide(router, feed, new FeedConsumer(clientConfig, FeedTopics.standard(), feed), admin);
    }

    /** Partition counts never shrink: each topic is described once, when first needed. */
    private static Function<String, Optional<Integer>> partitionCounts(Admin admin) {
        Map<String, Integer> known = new ConcurrentHashMap<>();
        return topic -> {
            Integer count = known.get(topic);
            if (count == null) {
                try {
                    count = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
                            .get(topic).partitions().size();
                    known.put(topic, count);
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    return Optional.empty();
                }
            }
            return Optional.of(count);
        };
    }

    public QueryRouter router() {
        return router;
    }

    public FeedHub feed() {
        return feed;
    }

    @Override
    public void close() {
        feedConsumer.close();
        admin.close(Duration.ofSeconds(5));
    }
}
