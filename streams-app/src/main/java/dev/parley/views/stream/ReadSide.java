package dev.parley.views.stream;

import dev.parley.avro.Article;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.ReprintedStatement;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.StreamStage;
import dev.parley.kafka.StreamsRuntime;
import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.views.ArticleStatements;
import dev.parley.views.ClusterMembers;
import dev.parley.views.FeedHub;
import dev.parley.views.FeedTopics;
import dev.parley.views.HttpRemoteViews;
import dev.parley.views.QueryRouter;
import dev.parley.views.ViewJson;
import dev.parley.views.ViewStores;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The read side of one instance: the views stage, the query router over every view store, and the live feed.
 * A new view adds its store binding here and its feed topic in {@link FeedTopics}.
 */
public final class ReadSide implements AutoCloseable {

    private final QueryRouter router;
    private final FeedHub feed;
    private final FeedConsumer feedConsumer;

    private ReadSide(QueryRouter router, FeedHub feed, FeedConsumer feedConsumer) {
        this.router = router;
        this.feed = feed;
        this.feedConsumer = feedConsumer;
    }

    public static StreamStage stage(Map<String, Object> clientConfig) {
        return new StreamStage(DedupViewsTopology.STAGE, new DedupViewsTopology(
                AvroSerdes.key(String.class, clientConfig), AvroSerdes.value(DedupDecision.class, clientConfig),
                AvroSerdes.value(ReprintedStatement.class, clientConfig)).buildTopology());
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
                        DedupViewsTopology.ARTICLE_STATEMENTS_REPARTITION, s -> s));
    }

    /**
     * @param applicationServer    this instance's {@code host:port}, as given to Kafka Streams
     * @param applicationIdOfStage a stage's Kafka Streams application id
     */
    public static ReadSide start(Map<String, Object> clientConfig, StreamsRuntime runtime, String applicationServer,
                                 Function<String, String> applicationIdOfStage) {
        HostInfo self = HostInfo.buildFromEndpoint(applicationServer);
        QueryRouter router = new QueryRouter(
                new KafkaStoreDirectory(runtime, self, bindings(clientConfig), applicationIdOfStage),
                new HttpRemoteViews(applicationServer, Duration.ofSeconds(5)));
        FeedHub feed = new FeedHub();
        return new ReadSide(router, feed, new FeedConsumer(clientConfig, FeedTopics.standard(), feed));
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
    }
}
