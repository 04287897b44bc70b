package dev.parley.engagement.stream;

import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.avro.ReprintedStatement;
import dev.parley.engagement.Commitment;
import dev.parley.engagement.EngagementMerger;
import dev.parley.engagement.EngagementState;
import dev.parley.extract.Actor;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.Gazetteer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps every unique article's facts and, when they have changed, merges them into events and commitments and
 * forwards the difference to what was published before: upserts for new or changed records, tombstones for those
 * a re-merge dissolved. Merging the whole set makes the result independent of arrival order; doing it on a
 * wall-clock beat, not per article, keeps a bulk replay from merging once per article.
 */
final class EngagementMergeProcessor implements Processor<String, ReportedFacts, String, EngagementOutput> {

    static final String FACTS_STORE = "engagement-facts";
    static final String EVENTS_STORE = "engagement-events";
    static final String COMMITMENTS_STORE = "engagement-commitments";
    /** Global store of parley.statements (every instance has all of it). */
    static final String STATEMENTS_STORE = "engagement-statements";

    private final EngagementMerger merger;
    private final Gazetteer gazetteer;
    private final String rulesVersion;
    private final Duration mergeInterval;
    private ProcessorContext<String, EngagementOutput> context;
    private KeyValueStore<String, ReportedFacts> facts;
    private KeyValueStore<String, EngagementEvent> events;
    private KeyValueStore<String, EngagementCommitment> commitments;
    private KeyValueStore<String, ReprintedStatement> statements;
    private boolean dirty;
    private long latestTimestamp;
    private long lastMergeEndMs;
    private long lastMergeMs;

    EngagementMergeProcessor(EngagementMerger merger, Gazetteer gazetteer, String rulesVersion, Duration mergeInterval) {
        this.merger = merger;
        this.gazetteer = gazetteer;
        this.rulesVersion = rulesVersion;
        this.mergeInterval = mergeInterval;
    }

    @Override
    public void init(ProcessorContext<String, EngagementOutput> context) {
        this.context = context;
        this.facts = context.getStateStore(FACTS_STORE);
        this.events = context.getStateStore(EVENTS_STORE);
        this.commitments = context.getStateStore(COMMITMENTS_STORE);
        this.statements = context.getStateStore(STATEMENTS_STORE);
        // Facts may have committed without the merge that follows them (a crash in between): merge once on start.
        try (KeyValueIterator<String, ReportedFacts> any = facts.all()) {
            this.dirty = any.hasNext();
        }
        context.schedule(mergeInterval, PunctuationType.WALL_CLOCK_TIME, this::mergeIfChanged);
    }

    @Override
    public void process(Record<String, ReportedFacts> record) {
        if (record.value() == null) {
            if (facts.delete(record.key()) != null) {
                dirty = true;
            }
        } else {
            facts.put(record.key(), record.value());
            dirty = true;
        }
        latestTimestamp = Math.max(latestTimestamp, record.timestamp());
    }

    /** @param now the punctuation's wall-clock time (Kafka Streams' clock, so tests can drive it) */
    void mergeIfChanged(long now) {
        // A merge costs time proportional to all facts and blocks the task: wait at least four merge-durations
        // between merges, so a bulk catch-up spends at most a fifth of its time merging.
        if (!dirty || now - lastMergeEndMs < 4 * lastMergeMs) {
            return;
        }
        long start = System.nanoTime();
        dirty = false;
        List<ArticleFacts> all = new ArrayList<>();
        Map<String, String> origins = new HashMap<>();
        try (KeyValueIterator<String, ReportedFacts> it = facts.all()) {
            it.forEachRemaining(kv -> {
                all.add(kv.value.facts());
                origins.put(kv.key, kv.value.origin());
            });
        }
        EngagementState state = merger.merge(all);

        Function<String, List<String>> relationCountries =
                id -> gazetteer.actor(id).map(Actor::relationCountries).orElse(List.of());
        List<ReprintedStatement> allStatements = new ArrayList<>();
        try (KeyValueIterator<String, ReprintedStatement> it = statements.all()) {
            it.forEachRemaining(kv -> allStatements.add(kv.value));
        }
        Map<String, EngagementEvent> newEvents = new TreeMap<>();
        state.events().forEach(e -> {
            EngagementEvent event = EngagementRecords.event(e, origins::get, relationCountries, rulesVersion);
            event.setIndependentOrigins(StatementsIndex.independentOrigins(e.articleIds(), allStatements));
            newEvents.put(e.eventId(), event);
        });
        Map<String, EngagementCommitment> newCommitments = new TreeMap<>();
        for (Commitment c : state.commitments()) {
            newCommitments.put(c.commitmentId(), EngagementRecords.commitment(c, relationCountries, rulesVersion));
        }
        publishDifference(events, newEvents, EngagementOutput.Target.EVENTS);
        publishDifference(commitments, newCommitments, EngagementOutput.Target.COMMITMENTS);
        lastMergeMs = (System.nanoTime() - start) / 1_000_000;
        lastMergeEndMs = now + lastMergeMs;
    }

    private <V extends org.apache.avro.specific.SpecificRecord> void publishDifference(
            KeyValueStore<String, V> published, Map<String, V> current, EngagementOutput.Target target) {
        List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, V> it = published.all()) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                if (!current.containsKey(kv.key)) {
                    gone.add(kv.key);
                }
            }
        }
        for (String key : gone) {
            published.delete(key);
            context.forward(new Record<>(key, new EngagementOutput(target, key, null), latestTimestamp));
        }
        current.forEach((key, value) -> {
            if (!value.equals(published.get(key))) {
                published.put(key, value);
                context.forward(new Record<>(key, new EngagementOutput(target, key, value), latestTimestamp));
            }
        });
    }
}
