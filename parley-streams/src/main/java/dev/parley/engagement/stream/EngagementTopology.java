package dev.parley.engagement.stream;

import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.UniqueArticle;
import dev.parley.engagement.EngagementMerger;
import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.ArticleInput;
import dev.parley.kafka.ParleyTopics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Engagement extraction: unique articles → facts (actors, events, dates, topics, stances, commitments), extracted
 * in parallel on the partitions of parley.articles.unique; then one merge task that turns every article's facts
 * into one record per real-world event and per commitment, with all their sources.
 */
public final class EngagementTopology {

    public static final String STAGE = "engagement";
    static final String MERGE_REPARTITION = "engagement-merge";
    static final String STATEMENTS_REPARTITION = "engagement-statements-in";

    private final ArticleExtractor extractor;
    private final String rulesVersion;
    private final Duration mergeInterval;
    private final Serde<String> keys;
    private final Serde<UniqueArticle> uniqueArticles;
    private final Serde<EngagementEvent> events;
    private final Serde<EngagementCommitment> commitments;
    private final Serde<ReprintedStatement> statements;

    public EngagementTopology(ArticleExtractor extractor, String rulesVersion, Duration mergeInterval, Serde<String> keys,
                              Serde<UniqueArticle> uniqueArticles, Serde<EngagementEvent> events,
                              Serde<EngagementCommitment> commitments, Serde<ReprintedStatement> statements) {
        this.extractor = extractor;
        this.rulesVersion = rulesVersion;
        this.mergeInterval = mergeInterval;
        this.keys = keys;
        this.uniqueArticles = uniqueArticles;
        this.events = events;
        this.commitments = commitments;
        this.statements = statements;
    }

    public Topology buildTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                EngagementMergeProcessor.FACTS_STORE), Serdes.String(), EngagementStateFormats.REPORTED_FACTS.serde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                EngagementMergeProcessor.EVENTS_STORE), Serdes.String(), events));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                EngagementMergeProcessor.COMMITMENTS_STORE), Serdes.String(), commitments));
        // The merge task keeps the statements itself: a changed statement must re-count its events' origins.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                EngagementMergeProcessor.STATEMENTS_STORE), Serdes.String(), statements));
        EngagementMerger merger = new EngagementMerger(extractor.ontology(), extractor.gazetteer());

        KStream<String, MergeInput> factsIn = builder
                .stream(ParleyTopics.ARTICLES_UNIQUE, Consumed.with(keys, uniqueArticles))
                .mapValues(this::extract)
                .repartition(Repartitioned.<String, ReportedFacts>as(MERGE_REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(EngagementStateFormats.REPORTED_FACTS.serde())
                        .withNumberOfPartitions(1))
                .mapValues(MergeInput::facts);
        // Onto the merge task's single partition, so that the one task holding the facts sees every statement.
        KStream<String, MergeInput> statementsIn = builder
                .stream(ParleyTopics.STATEMENTS, Consumed.with(keys, statements))
                .repartition(Repartitioned.<String, ReprintedStatement>as(STATEMENTS_REPARTITION)
                        .withKeySerde(Serdes.String()).withValueSerde(statements).withNumberOfPartitions(1))
                .mapValues(MergeInput::statement);
        KStream<String, EngagementOutput> outputs = factsIn.merge(statementsIn)
                .process(() -> new EngagementMergeProcessor(merger, extractor.gazetteer(), rulesVersion, mergeInterval),
                        EngagementMergeProcessor.FACTS_STORE, EngagementMergeProcessor.EVENTS_STORE,
                        EngagementMergeProcessor.COMMITMENTS_STORE, EngagementMergeProcessor.STATEMENTS_STORE);

        outputs.filter((k, o) -> o.target() == EngagementOutput.Target.EVENTS)
                .mapValues(o -> (EngagementEvent) o.value())
                .to(ParleyTopics.ENGAGEMENT_EVENTS, Produced.with(keys, events));
        outputs.filter((k, o) -> o.target() == EngagementOutput.Target.COMMITMENTS)
                .mapValues(o -> (EngagementCommitment) o.value())
                .to(ParleyTopics.ENGAGEMENT_COMMITMENTS, Produced.with(keys, commitments));
        return builder.build();
    }

    /** A tombstone (the article turned out to be a copy) passes on as a tombstone: its facts are withdrawn. */
    private ReportedFacts extract(UniqueArticle unique) {
        if (unique == null) {
            return null;
        }
        var article = unique.getArticle();
        ArticleInput input = ArticleInput.of(article);
        return new ReportedFacts(extractor.extract(input), article.getSource().getOrigin());
    }
}
