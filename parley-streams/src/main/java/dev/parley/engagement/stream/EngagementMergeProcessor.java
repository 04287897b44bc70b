package dev.parley.engagement.stream;

import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.avro.ReprintedStatement;
import dev.parley.engagement.Commitment;
import dev.parley.engagement.EngagementMerger;
import dev.parley.engagement.EngagementState;
import dev.parley.engagement.IncrementalMerge;
import dev.parley.extract.Actor;
import dev.parley.extract.Gazetteer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps every unique article's facts and the dedup stage's statements and, on a wall-clock beat, publishes what
 * changed: upserts for new or changed events and commitments, tombstones for those a re-merge dissolved. The merge
 * is incremental ({@link IncrementalMerge}): only the blocks a changed article touches are merged again, with the
 * same result as merging the whole set. A changed statement re-counts the independent origins of the events of the
 * articles it collapses. The beat, not every record, keeps a bulk replay from merging once per article.
 */
final class EngagementMergeProcessor implements Processor<String, MergeInput, String, EngagementOutput> {

    static final String FACTS_STORE = "engagement-facts";
    static final String EVENTS_STORE = "engagement-events";
    static final String COMMITMENTS_STORE = "engagement-commitments";
    /** The statements of parley.statements, read as an input of this task. */
    static final String STATEMENTS_STORE = "engagement-statements";

    /** What one beat publishes, decided before anything is written. */
    record Plan(Map<String, EngagementEvent> events, Set<String> goneEvents,
                Map<String, EngagementCommitment> commitments, Set<String> goneCommitments) {
    }

    private final IncrementalMerge merge;
    private final Gazetteer gazetteer;
    private final String rulesVersion;
    private final Duration mergeInterval;
    private final Function<String, List<String>> relationCountries;
    private ProcessorContext<String, EngagementOutput> context;
    private KeyValueStore<String, ReportedFacts> facts;
    private KeyValueStore<String, EngagementEvent> events;
    private KeyValueStore<String, EngagementCommitment> commitments;
    private KeyValueStore<String, ReprintedStatement> statements;
    // Derived from the stores on init, kept in step with them: what the beat reads instead of scanning them.
    private final Map<String, String> origins = new HashMap<>();
    private final Map<String, Set<String>> statementsByArticle = new HashMap<>();
    private final Map<String, dev.parley.engagement.EngagementEvent> merged = new HashMap<>();
    private final Map<String, Set<String>> eventsByArticle = new HashMap<>();
    private final Set<String> recount = new TreeSet<>();
    private boolean dirty;
    private boolean fullDiff;
    private long latestTimestamp;
    private long lastMergeEndMs;
    private long lastMergeMs;

    EngagementMergeProcessor(EngagementMerger merger, Gazetteer gazetteer, String rulesVersion, Duration mergeInterval) {
        this.merge = new IncrementalMerge(merger);
        this.gazetteer = gazetteer;
        this.rulesVersion = rulesVersion;
        this.mergeInterval = mergeInterval;
        this.relationCountries = id -> gazetteer.actor(id).map(Actor::relationCountries).orElse(List.of());
    }

    @Override
    public void init(ProcessorContext<String, EngagementOutput> context) {
        this.context = context;
        this.facts = context.getStateStore(FACTS_STORE);
        this.events = context.getStateStore(EVENTS_STORE);
        this.commitments = context.getStateStore(COMMITMENTS_STORE);
        this.statements = context.getStateStore(STATEMENTS_STORE);
        try (KeyValueIterator<String, ReportedFacts> it = facts.all()) {
            it.forEachRemaining(kv -> {
                merge.put(kv.value.facts());
                origins.put(kv.key, kv.value.origin());
            });
        }
        try (KeyValueIterator<String, ReprintedStatement> it = statements.all()) {
            it.forEachRemaining(kv -> index(kv.key, null, kv.value));
        }
        // Facts or statements may have committed without the merge that follows them (a crash in between): the
        // first beat compares everything with what was published.
        this.dirty = !merge.facts().isEmpty();
        this.fullDiff = true;
        context.schedule(mergeInterval, PunctuationType.WALL_CLOCK_TIME, this::mergeIfChanged);
    }

    @Override
    public void process(Record<String, MergeInput> record) {
        MergeInput in = record.value();
        if (in.kind() == MergeInput.Kind.STATEMENT) {
            statement(record.key(), in.statement());
        } else {
            facts(record.key(), in.facts());
        }
        latestTimestamp = Math.max(latestTimestamp, record.timestamp());
    }

    private void facts(String key, ReportedFacts value) {
        if (value == null) {
            if (facts.delete(key) != null) {
                merge.remove(key);
                origins.remove(key);
                dirty = true;
            }
        } else {
            facts.put(key, value);
            merge.put(value.facts());
            origins.put(key, value.origin());
            recount.add(key); // its origin may have changed with its facts unchanged
            dirty = true;
        }
    }

    private void statement(String id, ReprintedStatement value) {
        ReprintedStatement old = statements.get(id);
        if (value == null) {
            statements.delete(id);
        } else {
            statements.put(id, value);
        }
        index(id, old, value);
        recount.addAll(StatementsIndex.collapsedArticles(old));
        recount.addAll(StatementsIndex.collapsedArticles(value));
        dirty = true;
    }

    private void index(String id, ReprintedStatement old, ReprintedStatement now) {
        for (String article : StatementsIndex.collapsedArticles(old)) {
            Set<String> of = statementsByArticle.get(article);
            if (of != null && of.remove(id) && of.isEmpty()) {
                statementsByArticle.remove(article);
            }
        }
        for (String article : StatementsIndex.collapsedArticles(now)) {
            statementsByArticle.computeIfAbsent(article, a -> new TreeSet<>()).add(id);
        }
    }

    /** @param now the punctuation's wall-clock time (Kafka Streams' clock, so tests can drive it) */
    void mergeIfChanged(long now) {
        // A large re-merge blocks the task: wait at least four merge-durations between merges, so a bulk catch-up
        // spends at most a fifth of its time merging.
        if (!dirty || now - lastMergeEndMs < 4 * lastMergeMs) {
            return;
        }
        long start = System.nanoTime();
        dirty = false;
        apply(plan());
        lastMergeMs = (System.nanoTime() - start) / 1_000_000;
        lastMergeEndMs = now + lastMergeMs;
    }

    private Plan plan() {
        IncrementalMerge.Changes changes = merge.refresh();
        changes.goneEventIds().forEach(this::forget);
        changes.events().forEach(this::remember);
        Set<String> eventIds = new TreeSet<>();
        changes.events().forEach(e -> eventIds.add(e.eventId()));
        for (String article : recount) {
            eventIds.addAll(eventsByArticle.getOrDefault(article, Set.of()));
        }
        recount.clear();
        if (fullDiff) {
            eventIds.addAll(merged.keySet());
        }
        Map<String, EngagementEvent> upsertEvents = new TreeMap<>();
        for (String id : eventIds) {
            dev.parley.engagement.EngagementEvent e = merged.get(id);
            if (e != null) {
                upsertEvents.put(id, record(e));
            }
        }
        Map<String, EngagementCommitment> upsertCommitments = new TreeMap<>();
        List<Commitment> changed = fullDiff ? merge.state().commitments() : changes.commitments();
        for (Commitment c : changed) {
            upsertCommitments.put(c.commitmentId(), EngagementRecords.commitment(c, relationCountries, rulesVersion));
        }
        Set<String> goneEvents = new TreeSet<>(changes.goneEventIds());
        Set<String> goneCommitments = new TreeSet<>(changes.goneCommitmentIds());
        if (fullDiff) {
            goneEvents.addAll(unknown(events, upsertEvents));
            goneCommitments.addAll(unknown(commitments, upsertCommitments));
            fullDiff = false;
        }
        goneEvents.removeAll(upsertEvents.keySet());
        goneCommitments.removeAll(upsertCommitments.keySet());
        return new Plan(upsertEvents, goneEvents, upsertCommitments, goneCommitments);
    }

    private EngagementEvent record(dev.parley.engagement.EngagementEvent e) {
        EngagementEvent event = EngagementRecords.event(e, origins::get, relationCountries, rulesVersion);
        Set<String> ids = new TreeSet<>();
        e.articleIds().forEach(a -> ids.addAll(statementsByArticle.getOrDefault(a, Set.of())));
        List<ReprintedStatement> relevant = new ArrayList<>();
        ids.forEach(id -> relevant.add(statements.get(id)));
        event.setIndependentOrigins(StatementsIndex.independentOrigins(e.articleIds(), relevant));
        return event;
    }

    private void remember(dev.parley.engagement.EngagementEvent e) {
        forget(e.eventId());
        merged.put(e.eventId(), e);
        e.articleIds().forEach(a -> eventsByArticle.computeIfAbsent(a, x -> new HashSet<>()).add(e.eventId()));
    }

    private void forget(String eventId) {
        dev.parley.engagement.EngagementEvent e = merged.remove(eventId);
        if (e != null) {
            for (String a : e.articleIds()) {
                Set<String> of = eventsByArticle.get(a);
                if (of != null && of.remove(eventId) && of.isEmpty()) {
                    eventsByArticle.remove(a);
                }
            }
        }
    }

    private static <V> List<String> unknown(KeyValueStore<String, V> published, Map<String, ?> current) {
        List<String> out = new ArrayList<>();
        try (KeyValueIterator<String, V> it = published.all()) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                if (!current.containsKey(kv.key)) {
                    out.add(kv.key);
                }
            }
        }
        return out;
    }

    private void apply(Plan plan) {
        publish(events, plan.goneEvents(), plan.events(), EngagementOutput.Target.EVENTS);
        publish(commitments, plan.goneCommitments(), plan.commitments(), EngagementOutput.Target.COMMITMENTS);
    }

    private <V extends SpecificRecord> void publish(KeyValueStore<String, V> published, Set<String> gone,
                                                    Map<String, V> current, EngagementOutput.Target target) {
        for (String key : gone) {
            if (published.delete(key) != null) {
                context.forward(new Record<>(key, new EngagementOutput(target, key, null), latestTimestamp));
            }
        }
        current.forEach((key, value) -> {
            if (!value.equals(published.get(key))) {
                published.put(key, value);
                context.forward(new Record<>(key, new EngagementOutput(target, key, value), latestTimestamp));
            }
        });
    }
}
