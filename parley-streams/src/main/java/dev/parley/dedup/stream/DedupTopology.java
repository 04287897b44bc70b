package dev.parley.dedup.stream;

import dev.parley.avro.Article;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.UniqueArticle;
import dev.parley.dedup.DedupConfig;
import dev.parley.kafka.ParleyTopics;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Deduplication: exact copies, near-identical articles and reprinted passages (statements).
 *
 * <p>Every article must be compared with every other, whatever partition of the raw log it came in on (the
 * Confluent dedup example only catches copies that share a partition). So the stage first repartitions the raw
 * log onto ONE partition, {@code dedup-index}, where a single task holds the whole index (MinHash/LSH postings,
 * winnowing fingerprints, decisions, statements) in RocksDB stores. This sub-topology can use one partition and
 * so one thread: README "Deduplication, scale-out" gives its measured capacity and the path beyond it.
 */
public final class DedupTopology {

    public static final String STAGE = "dedup";
    static final String INDEX_REPARTITION = "dedup-index";
    /** Default lateness: a replay of a season of coverage in any order gives the same result. */
    public static final Duration DEFAULT_LATENESS = Duration.ofDays(90);

    private final DedupConfig config;
    private final Duration lateness;
    private final Serde<String> keys;
    private final Serde<Article> articles;
    private final Serde<UniqueArticle> uniqueArticles;
    private final Serde<DedupDecision> decisions;
    private final Serde<ReprintedStatement> statements;

    /**
     * @param lateness how far behind stream time an article may arrive and still be compared with everything
     *                 within the horizon; index entries are kept for horizon + lateness of event time
     */
    public DedupTopology(DedupConfig config, Duration lateness, Serde<String> keys, Serde<Article> articles,
                         Serde<UniqueArticle> uniqueArticles, Serde<DedupDecision> decisions,
                         Serde<ReprintedStatement> statements) {
        this.config = config;
        this.lateness = lateness;
        this.keys = keys;
        this.articles = articles;
        this.uniqueArticles = uniqueArticles;
        this.decisions = decisions;
        this.statements = statements;
    }

    public Topology buildTopology() {
        return buildTopology(plan -> { });
    }

    /** With a hook run between planning and applying each plan (tests inject failures there). */
    Topology buildTopology(Consumer<DedupProcessor.Plan> beforeApply) {
        StreamsBuilder builder = new StreamsBuilder();
        DedupStoreNames.builders(articles).forEach(builder::addStateStore);

        KStream<String, DedupOutput> outputs = builder
                .stream(ParleyTopics.ARTICLES_RAW, Consumed.with(keys, articles))
                .repartition(Repartitioned.<String, Article>as(INDEX_REPARTITION)
                        .withKeySerde(keys).withValueSerde(articles).withNumberOfPartitions(1))
                .process(() -> new DedupProcessor(config, lateness, beforeApply), DedupStoreNames.ALL);

        outputs.filter((k, o) -> o.target() == DedupOutput.Target.UNIQUE)
                .mapValues(o -> (UniqueArticle) o.value())
                .to(ParleyTopics.ARTICLES_UNIQUE, Produced.with(keys, uniqueArticles));
        outputs.filter((k, o) -> o.target() == DedupOutput.Target.DUPLICATES)
                .mapValues(o -> (DedupDecision) o.value())
                .to(ParleyTopics.ARTICLES_DUPLICATES, Produced.with(keys, decisions));
        outputs.filter((k, o) -> o.target() == DedupOutput.Target.CLUSTERS)
                .mapValues(o -> (DedupDecision) o.value())
                .to(ParleyTopics.ARTICLES_CLUSTERS, Produced.with(keys, decisions));
        outputs.filter((k, o) -> o.target() == DedupOutput.Target.DECISIONS)
                .mapValues(o -> (DedupDecision) o.value())
                .to(ParleyTopics.DEDUP_DECISIONS, Produced.with(keys, decisions));
        outputs.filter((k, o) -> o.target() == DedupOutput.Target.STATEMENTS)
                .mapValues(o -> (ReprintedStatement) o.value())
                .to(ParleyTopics.STATEMENTS, Produced.with(keys, statements));
        return builder.build();
    }
}
