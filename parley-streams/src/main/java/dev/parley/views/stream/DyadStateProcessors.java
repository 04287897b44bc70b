package dev.parley.views.stream;

import dev.parley.avro.DyadState;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.kafka.DiscardedPlanException;
import dev.parley.views.DyadStates;
import dev.parley.views.ViewJson;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * Keeps each dyad's facts (its events and commitments, keyed {@code dyad|id}) and, whenever one changes, folds
 * the dyad again with {@link DyadStates}: the current state goes to the current-state store and downstream (the
 * compacted dyad-state topic); the versioned store gets, at every version timestamp from the changed fact's date
 * on, the fold of the facts dated by then. Version timestamps are UTC midnights of event dates, so an article about
 * 13 January arriving after one about 20 January rewrites the versions of the 13th, the 20th and any later day.
 * Rewriting is proportional to the versions after the changed date times the dyad's facts: cheap for diplomatic
 * dyads (tens to hundreds of events), and it keeps every version exact whatever the arrival order.
 */
final class DyadStateProcessors {

    private DyadStateProcessors() {
    }

    static final String PENDING_STORE = "views-dyad-pending";
    static final Duration FOLD_INTERVAL = Duration.ofMillis(250);

    /** A dyad waiting to be folded: re-version from {@code from} on (null: current state only), and former days. */
    record PendingFold(LocalDate from, Set<LocalDate> formerDays, long timestamp) {

        PendingFold merge(PendingFold other) {
            Set<LocalDate> former = new TreeSet<>(formerDays);
            former.addAll(other.formerDays);
            LocalDate earliest = from == null ? other.from
                    : other.from == null || from.isBefore(other.from) ? from : other.from;
            return new PendingFold(earliest, former, Math.max(timestamp, other.timestamp));
        }
    }

    static long versionTimestamp(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** The shared state of both processors of one task. */
    private static final class Dyads {
        private final DyadStates fold;
        private final KeyValueStore<String, EngagementEvent> events;
        private final KeyValueStore<String, EngagementCommitment> commitments;
        private final KeyValueStore<String, DyadState> current;
        private final VersionedKeyValueStore<String, DyadState> history;
        private final KeyValueStore<String, PendingFold> pending;
        private final ProcessorContext<String, DyadState> context;
        private long lastFoldMs;
        private long lastFoldEndMs;

        Dyads(ProcessorContext<String, DyadState> context, DyadStates fold) {
            this.context = context;
            this.fold = fold;
            this.events = context.getStateStore(EngagementViews.DYAD_EVENTS_STORE);
            this.commitments = context.getStateStore(EngagementViews.DYAD_COMMITMENTS_STORE);
            this.current = context.getStateStore(EngagementViews.currentStore());
            this.history = context.getStateStore(EngagementViews.historyStore());
            this.pending = context.getStateStore(PENDING_STORE);
        }

        /** One beat per task: both inputs share the pending store, and two beats would double the folding share. */
        void scheduleFolds(ProcessorContext<String, DyadState> context) {
            context.schedule(FOLD_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::foldPending);
        }

        /** The dyad's pending fold with this change marked: planned, written by the caller. */
        private PendingFold marked(Record<String, ?> record, LocalDate from, Set<LocalDate> formerDays) {
            String dyad = GroupPartitioner.group(record.key());
            PendingFold mark = new PendingFold(from, formerDays, record.timestamp());
            PendingFold before = pending.get(dyad);
            return before == null ? mark : before.merge(mark);
        }

        /** @param now the punctuation's wall-clock time */
        void foldPending(long now) {
            if (now - lastFoldEndMs < 4 * lastFoldMs) {
                return;
            }
            long start = System.nanoTime();
            List<KeyValue<String, PendingFold>> marked = new ArrayList<>();
            try (KeyValueIterator<String, PendingFold> all = pending.all()) {
                all.forEachRemaining(marked::add);
            }
            if (marked.isEmpty()) {
                return;
            }
            for (KeyValue<String, PendingFold> kv : marked) {
                refresh(kv.key, kv.value.timestamp(), kv.value.from(), kv.value.formerDays());
                pending.delete(kv.key);
            }
            lastFoldMs = (System.nanoTime() - start) / 1_000_000;
            lastFoldEndMs = now + lastFoldMs;
        }

        /** Plans (reads only, so a failure is a discarded plan), then writes the event and the dyad's mark. */
        void event(Record<String, EngagementEvent> record) {
            EngagementEvent after = record.value();
            PendingFold mark = DiscardedPlanException.planned("dyad event " + record.key(), () -> {
                EngagementEvent before = events.get(record.key());
                if (Objects.equals(before, after)) {
                    return null;
                }
                Set<LocalDate> touched = new TreeSet<>();
                if (before != null) {
                    touched.add(before.getDate());
                }
                if (after != null) {
                    touched.add(after.getDate());
                }
                return marked(record, touched.stream().findFirst().orElse(null), touched);
            });
            if (mark == null) {
                return;
            }
            if (after == null) {
                events.delete(record.key());
            } else {
                events.put(record.key(), after);
            }
            pending.put(GroupPartitioner.group(record.key()), mark);
        }

        void commitment(Record<String, EngagementCommitment> record) {
            EngagementCommitment after = record.value();
            PendingFold mark = DiscardedPlanException.planned("dyad commitment " + record.key(), () -> {
                EngagementCommitment before = commitments.get(record.key());
                if (Objects.equals(before, after)) {
                    return null;
                }
                String dyad = GroupPartitioner.group(record.key());
                // A commitment is dated by the event it was agreed at; without one it is only in the current state.
                Set<LocalDate> agreed = new TreeSet<>();
                agreedOn(dyad, before).ifPresent(agreed::add);
                agreedOn(dyad, after).ifPresent(agreed::add);
                return marked(record, agreed.stream().findFirst().orElse(null), Set.of());
            });
            if (mark == null) {
                return;
            }
            if (after == null) {
                commitments.delete(record.key());
            } else {
                commitments.put(record.key(), after);
            }
            pending.put(GroupPartitioner.group(record.key()), mark);
        }

        private Optional<LocalDate> agreedOn(String dyad, EngagementCommitment c) {
            if (c == null || c.getAgreedAtEventId() == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(events.get(GroupPartitioner.key(dyad, c.getAgreedAtEventId())))
                    .map(EngagementEvent::getDate);
        }

        private void refresh(String dyad, long recordTimestamp, LocalDate from, Set<LocalDate> formerDays) {
            List<EngagementEvent> dyadEvents = scan(events, dyad);
            List<EngagementCommitment> dyadCommitments = scan(commitments, dyad);

            Optional<DyadState> now = fold.fold(dyad, dyadEvents, dyadCommitments, null);
            DyadState previous = current.get(dyad);
            if (now.isEmpty() && previous != null) {
                current.delete(dyad);
                context.forward(new Record<>(dyad, null, recordTimestamp));
            } else if (now.isPresent() && !same(now.get(), previous)) {
                current.put(dyad, now.get());
                context.forward(new Record<>(dyad, now.get(), recordTimestamp));
            }

            if (from == null) {
                return;
            }
            Set<LocalDate> days = new TreeSet<>(DyadStates.versionDays(dyadEvents));
            days.addAll(formerDays);
            for (LocalDate day : days) {
                if (day.isBefore(from) || day.isBefore(LocalDate.EPOCH)) {
                    continue; // versions are Kafka timestamps, which start at 1970: older days are in the current state only
                }
                long timestamp = versionTimestamp(day);
                DyadState version = fold.fold(dyad, dyadEvents, dyadCommitments, day).orElse(null);
                VersionedRecord<DyadState> stored = history.get(dyad, timestamp);
                boolean same = stored == null ? version == null
                        : stored.timestamp() == timestamp && same(stored.value(), version);
                if (!same) {
                    history.put(dyad, version, timestamp);
                }
            }
        }

        /**
         * Equality of the JSON shapes: the generated equals compares a deserialized array with Avro's plain
         * GenericData, which cannot resolve a union holding a LocalDate (a commitment's dueDate), and Avro's
         * compare refuses maps.
         */
        private static boolean same(DyadState a, DyadState b) {
            if (a == null || b == null) {
                return a == b;
            }
            return ViewJson.record(a).equals(ViewJson.record(b));
        }

        private static <V> List<V> scan(KeyValueStore<String, V> store, String dyad) {
            List<V> values = new ArrayList<>();
            try (KeyValueIterator<String, V> all = store.prefixScan(dyad + GroupPartitioner.SEPARATOR,
                    new StringSerializer())) {
                all.forEachRemaining(kv -> values.add(kv.value));
            }
            return values;
        }
    }

    static Processor<String, EngagementEvent, String, DyadState> events(DyadStates fold) {
        return new Input<>(fold, Dyads::event, true);
    }

    static Processor<String, EngagementCommitment, String, DyadState> commitments(DyadStates fold) {
        return new Input<>(fold, Dyads::commitment, false);
    }

    /** One input (events or commitments) of a task's dyads. */
    private static final class Input<V> implements Processor<String, V, String, DyadState> {
        private final DyadStates fold;
        private final BiConsumer<Dyads, Record<String, V>> apply;
        private final boolean foldsOnBeat;
        private Dyads dyads;

        Input(DyadStates fold, BiConsumer<Dyads, Record<String, V>> apply, boolean foldsOnBeat) {
            this.fold = fold;
            this.apply = apply;
            this.foldsOnBeat = foldsOnBeat;
        }

        @Override
        public void init(ProcessorContext<String, DyadState> context) {
            dyads = new Dyads(context, fold);
            if (foldsOnBeat) {
                dyads.scheduleFolds(context);
            }
        }

        @Override
        public void process(Record<String, V> record) {
            apply.accept(dyads, record);
        }
    }
}
