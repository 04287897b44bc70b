package dev.parley.dedup.stream;

import dev.parley.avro.Article;
import dev.parley.avro.DecisionEvent;
import dev.parley.avro.UniqueArticle;
import dev.parley.dedup.ArticleDecision;
import dev.parley.dedup.Boilerplate;
import dev.parley.dedup.DedupConfig;
import dev.parley.dedup.DedupEngine;
import dev.parley.dedup.DedupResult;
import dev.parley.dedup.ExpiryClock;
import dev.parley.dedup.Statement;
import dev.parley.dedup.store.KeyValueStore;
import dev.parley.dedup.store.StoreWrites;
import dev.parley.dedup.store.WriteBuffer;
import dev.parley.kafka.DiscardedPlanException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Runs each article through the dedup core and forwards what changed: the article's decision, corrections of
 * earlier decisions, unique articles (and tombstones for those that became copies), statements. The cluster id is
 * the root of the canonical chain, so when a canonical turns out to be a copy, its copies move with it.
 */
final class DedupProcessor implements Processor<String, Article, String, DedupOutput> {

    /** Where builds before {@link DedupStoreNames#CLUSTER_OF} kept an article's canonical, inside the copies store. */
    private static final String LEGACY_CLUSTER_PREFIX = "c:";
    private static final int MAX_CHAIN = 64;
    /**
     * Expiry follows the index's clock ({@link ExpiryClock}: event time that outliers cannot push ahead), a day at
     * a time, and stays `lateness` behind it: an article that arrives up to that late still meets everything within
     * the horizon, so the result does not depend on arrival order within the lateness bound. It runs as part of the
     * plan of the article that moves the clock a day on, not from a stream-time punctuation: stream time is the
     * largest record timestamp (publishedAt), which one misdated article moves.
     */
    private static final Duration EXPIRY_INTERVAL = Duration.ofDays(1);

    /**
     * Everything one record (or one expiry) changes, as a value: the final content of every store key it touches,
     * then the records to forward, in order.
     */
    record Plan(StoreWrites writes, List<Record<String, DedupOutput>> outputs) {
        Plan {
            outputs = List.copyOf(outputs);
        }
    }

    private final DedupConfig config;
    private final Duration lateness;
    /** Runs between planning and applying; a test seam, a no-op in the stage. */
    private final Consumer<Plan> beforeApply;
    private ProcessorContext<String, DedupOutput> context;
    private DedupEngine engine;
    private KafkaDedupStores stores;
    private KeyValueStore<String, Article> realSources;
    private KeyValueStore<String, List<String>> realCopies;
    private KeyValueStore<String, List<String>> realClusterOf;
    /**
     * Kept in memory: after a restart the clock starts again and expiry waits for a quorum of articles, which only
     * ever keeps entries longer, never drops one early.
     */
    private ExpiryClock clock = ExpiryClock.start();
    private Instant nextExpiry;

    DedupProcessor(DedupConfig config, Duration lateness) {
        this(config, lateness, plan -> { });
    }

    DedupProcessor(DedupConfig config, Duration lateness, Consumer<Plan> beforeApply) {
        this.config = config;
        this.lateness = lateness;
        this.beforeApply = beforeApply;
    }

    @Override
    public void init(ProcessorContext<String, DedupOutput> context) {
        this.context = context;
        this.stores = new KafkaDedupStores(context);
        this.engine = new DedupEngine(config, stores);
        this.realSources = KafkaDedupStores.wrap(context, DedupStoreNames.SOURCES);
        this.realCopies = KafkaDedupStores.wrap(context, DedupStoreNames.COPIES);
        this.realClusterOf = KafkaDedupStores.wrap(context, DedupStoreNames.CLUSTER_OF);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        if (article == null) {
            return;
        }
        ExpiryClock advanced = clock.observe(article.getId(), article.getPublishedAt(), article.getIngestedAt());
        Instant expireAt = advanced.now().filter(now -> nextExpiry == null || !now.isBefore(nextExpiry))
                .orElse(null);
        apply(planned("article " + article.getId(), () -> {
            Planning planning = new Planning();
            planning.ingest(record);
            if (expireAt != null) {
                planning.expire(expireAt);
            }
            return planning.plan();
        }));
        clock = advanced;
        if (expireAt != null) {
            nextExpiry = expireAt.plus(EXPIRY_INTERVAL);
        }
    }

    /**
     * Planning reads the stores and writes none of them, so whatever it throws leaves the stage exactly as it was:
     * the record can be dead-lettered and the stage go on (see {@link DiscardedPlanException}).
     */
    private Plan planned(String what, Supplier<Plan> planning) {
        try {
            Plan plan = planning.get();
            beforeApply.accept(plan);
            return plan;
        } catch (RuntimeException e) {
            throw new DiscardedPlanException("dedup of " + what + " failed before it changed anything", e);
        }
    }

    /**
     * Writes, then forwards. A throw from here on leaves the stores partly written: the processing-exception
     * handler fails the task for it, and exactly-once restores the stores from the last commit.
     */
    private void apply(Plan plan) {
        plan.writes().apply();
        plan.outputs().forEach(context::forward);
    }

    /**
     * The work for one record (with the expiry it triggers) over one staged view of all eight stores; its result
     * is the plan. Reads see the work's own writes, as they would on the real stores.
     */
    private final class Planning {

        private final WriteBuffer buffer = new WriteBuffer();
        private final KeyValueStore<String, ArticleDecision> decisions = buffer.stage(stores.decisions());
        private final KeyValueStore<String, Article> sources = buffer.stage(realSources);
        private final KeyValueStore<String, List<String>> copies = buffer.stage(realCopies);
        private final KeyValueStore<String, List<String>> clusterOf = buffer.stage(realClusterOf);
        private final List<Record<String, DedupOutput>> outputs = new ArrayList<>();

        Plan plan() {
            return new Plan(buffer.writes(), outputs);
        }

        /** Expiry stays `lateness` behind the clock (see {@link #EXPIRY_INTERVAL}). */
        void expire(Instant now) {
            Instant shifted = now.minus(lateness);
            // The engine's time index names the expired articles: no scan of the sources either.
            List<String> gone = engine.expireArticles(buffer, shifted);
            for (String id : gone) {
                sources.delete(id);
                copies.delete(id);
                clusterOf.delete(id);
                dropLegacyCanonical(id);
            }
        }

        void ingest(Record<String, Article> record) {
            Article article = record.value();
            sources.put(article.getId(), article);
            DedupResult result = engine.plan(buffer, article.getId(), article.getPublishedAt(), article.getBody())
                    .result();
            if (result.replay()) {
                ArticleDecision current = result.decision();
                forward(record, DedupOutput.Target.DECISIONS, current.articleId(),
                        DedupRecords.decision(current, rootOf(current.articleId()), DecisionEvent.REINGESTED));
                return;
            }

            Set<String> affectedCanonicals = new TreeSet<>();
            Set<String> changed = new LinkedHashSet<>();
            publishDecision(record, result.decision(), DecisionEvent.DECIDED, result.boilerplate(),
                    affectedCanonicals, changed);
            for (ArticleDecision correction : result.corrections()) {
                publishDecision(record, correction, DecisionEvent.CORRECTED, List.of(), affectedCanonicals, changed);
            }
            republishClusters(record, changed);
            for (String canonical : affectedCanonicals) {
                ArticleDecision d = decisions.get(canonical).orElse(null);
                if (d != null && !d.kind().isCopy()) {
                    forward(record, DedupOutput.Target.UNIQUE, canonical, unique(canonical));
                }
            }
            for (Statement statement : result.upsertedStatements()) {
                forward(record, DedupOutput.Target.STATEMENTS, statement.id(), DedupRecords.statement(statement,
                        id -> sources.get(id).orElse(null), config.algorithmVersion()));
            }
            for (String retracted : result.retractedStatementIds()) {
                forward(record, DedupOutput.Target.STATEMENTS, retracted, null);
            }
        }

        private void publishDecision(Record<String, Article> record, ArticleDecision decision, DecisionEvent event,
                                     List<Boilerplate> boilerplate, Set<String> affectedCanonicals,
                                     Set<String> changed) {
            String id = decision.articleId();
            String previousCanonical = publishedCanonical(id);
            if (previousCanonical != null && !previousCanonical.equals(decision.canonicalId())) {
                updateCopies(previousCanonical, id, false);
                affectedCanonicals.add(previousCanonical);
            }
            clusterOf.put(id, List.of(decision.canonicalId()));
            dropLegacyCanonical(id);
            if (decision.kind().isCopy()) {
                updateCopies(decision.canonicalId(), id, true);
                affectedCanonicals.add(decision.canonicalId());
                forward(record, DedupOutput.Target.UNIQUE, id, null);
                // The duplicates and clusters topics hold current state, the same for any arrival order; how the
                // decision came about (DECIDED or CORRECTED) is history, kept in the decisions log only.
                forward(record, DedupOutput.Target.DUPLICATES, id,
                        DedupRecords.decision(decision, rootOf(id), DecisionEvent.DECIDED));
            } else {
                affectedCanonicals.add(id);
            }
            forward(record, DedupOutput.Target.DECISIONS, id,
                    DedupRecords.decision(decision, rootOf(id), event, boilerplate));
            changed.add(id);
        }

        /** The canonical last published for an article: its own store, else where an older build kept it. */
        private String publishedCanonical(String id) {
            return clusterOf.get(id).or(() -> copies.get(LEGACY_CLUSTER_PREFIX + id)).map(l -> l.get(0)).orElse(null);
        }

        /** Moves an article's canonical out of the copies store (an older build's layout) as it is rewritten. */
        private void dropLegacyCanonical(String id) {
            if (copies.get(LEGACY_CLUSTER_PREFIX + id).isPresent()) {
                copies.delete(LEGACY_CLUSTER_PREFIX + id);
            }
        }

        /** The current cluster of every changed article and of everything that hangs below it. */
        private void republishClusters(Record<String, Article> record, Set<String> changed) {
            Set<String> seen = new LinkedHashSet<>();
            List<String> queue = new ArrayList<>(changed);
            while (!queue.isEmpty()) {
                String id = queue.remove(0);
                if (!seen.add(id)) {
                    continue;
                }
                decisions.get(id).ifPresent(d -> forward(record, DedupOutput.Target.CLUSTERS, id,
                        DedupRecords.decision(d, rootOf(id), DecisionEvent.DECIDED)));
                queue.addAll(copies.get(id).orElse(List.of()));
            }
        }

        private void updateCopies(String canonical, String copy, boolean add) {
            TreeSet<String> current = new TreeSet<>(copies.get(canonical).orElse(List.of()));
            boolean modified = add ? current.add(copy) : current.remove(copy);
            if (modified) {
                if (current.isEmpty()) {
                    copies.delete(canonical);
                } else {
                    copies.put(canonical, List.copyOf(current));
                }
            }
        }

        private String rootOf(String id) {
            String current = id;
            for (int i = 0; i < MAX_CHAIN; i++) {
                ArticleDecision d = decisions.get(current).orElse(null);
                if (d == null || !d.kind().isCopy() || d.canonicalId().equals(current)) {
                    return current;
                }
                current = d.canonicalId();
            }
            return current;
        }

        private UniqueArticle unique(String id) {
            return UniqueArticle.newBuilder()
                    .setArticle(sources.get(id).orElseThrow())
                    .setClusterId(id)
                    .setCopies(copies.get(id).orElse(List.of()))
                    .build();
        }

        private void forward(Record<String, Article> record, DedupOutput.Target target, String key,
                             org.apache.avro.specific.SpecificRecord value) {
            outputs.add(record.withKey(key).withValue(new DedupOutput(target, key, value)));
        }
    }
}
