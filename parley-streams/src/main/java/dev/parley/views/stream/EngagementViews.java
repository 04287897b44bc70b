package dev.parley.views.stream;

import dev.parley.avro.DyadState;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.extract.Actor;
import dev.parley.extract.Gazetteer;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.StateFormats;
import dev.parley.views.ActorEvent;
import dev.parley.views.ActorView;
import dev.parley.views.DyadStates;
import dev.parley.views.ViewStores;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The views over engagement events and commitments that need them regrouped: per dyad (the current state, a
 * versioned history queried as of a day, and the compacted {@code parley.engagement.dyad-state} topic) and per
 * actor. Events and commitments are filed under each of their dyads (and events under each actor) by
 * {@link FanOutProcessor}, repartitioned by that group ({@link GroupPartitioner}) and folded there.
 */
public final class EngagementViews {

    /** Repartition of events by dyad (topic {@code <application id>-<this>-repartition}); its partitions are the dyad stores'. */
    public static final String EVENTS_BY_DYAD = "views-events-by-dyad";
    public static final String COMMITMENTS_BY_DYAD = "views-commitments-by-dyad";
    public static final String EVENTS_BY_ACTOR = "views-events-by-actor";
    static final String EVENT_DYADS_STORE = "views-event-dyads";
    static final String COMMITMENT_DYADS_STORE = "views-commitment-dyads";
    static final String EVENT_ACTORS_STORE = "views-event-actors";
    /** Queryable by dyad prefix ({@link ViewStores#DYAD_EVENTS}). */
    static final String DYAD_EVENTS_STORE = ViewStores.DYAD_EVENTS.name();
    static final String DYAD_COMMITMENTS_STORE = ViewStores.DYAD_COMMITMENTS.name();
    /** The default history kept by the versioned dyad store (README: parley.views.dyad.history.days). */
    public static final Duration DEFAULT_HISTORY = Duration.ofDays(3650);

    private EngagementViews() {
    }

    static String currentStore() {
        return ViewStores.DYADS.name();
    }

    static String historyStore() {
        return ViewStores.DYAD_HISTORY.name();
    }

    static String actorsStore() {
        return ViewStores.ACTORS.name();
    }

    /**
     * @param history how far back (before the newest version) the versioned store answers as-of queries; older
     *                versions are dropped and late facts dated before it are not versioned (they still count in
     *                the current state)
     */
    static void add(StreamsBuilder builder, KTable<String, EngagementEvent> events,
                    KTable<String, EngagementCommitment> commitments, Serde<String> topicKeys,
                    Serde<EngagementEvent> eventSerde, Serde<EngagementCommitment> commitmentSerde,
                    Serde<DyadState> dyadStateSerde, Duration history) {
        Serde<List<String>> groups = StateFormats.STRING_LIST.serde();
        for (String store : List.of(EVENT_DYADS_STORE, COMMITMENT_DYADS_STORE, EVENT_ACTORS_STORE)) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), groups));
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DYAD_EVENTS_STORE),
                Serdes.String(), eventSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DYAD_COMMITMENTS_STORE),
                Serdes.String(), commitmentSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(currentStore()),
                Serdes.String(), dyadStateSerde));
        // Segments of a tenth of the history: old versions are dropped a segment at a time.
        builder.addStateStore(Stores.versionedKeyValueStoreBuilder(Stores.persistentVersionedKeyValueStore(
                historyStore(), history, history.dividedBy(10).plusMillis(1)), Serdes.String(), dyadStateSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                DyadStateProcessors.PENDING_STORE), Serdes.String(), ViewStateFormats.PENDING_FOLD.serde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(actorsStore()),
                Serdes.String(), ViewStateFormats.ACTOR_VIEW.serde()));

        KStream<String, EngagementEvent> eventsByDyad = events.toStream()
                .process(() -> new FanOutProcessor<EngagementEvent>(EVENT_DYADS_STORE, EngagementEvent::getDyads),
                        EVENT_DYADS_STORE)
                .repartition(Repartitioned.<String, EngagementEvent>as(EVENTS_BY_DYAD).withKeySerde(Serdes.String())
                        .withValueSerde(eventSerde).withStreamPartitioner(new GroupPartitioner<>()));
        KStream<String, EngagementCommitment> commitmentsByDyad = commitments.toStream()
                .process(() -> new FanOutProcessor<EngagementCommitment>(COMMITMENT_DYADS_STORE,
                        EngagementCommitment::getDyads), COMMITMENT_DYADS_STORE)
                .repartition(Repartitioned.<String, EngagementCommitment>as(COMMITMENTS_BY_DYAD)
                        .withKeySerde(Serdes.String()).withValueSerde(commitmentSerde)
                        .withStreamPartitioner(new GroupPartitioner<>()));
        DyadStates fold = DyadStates.loadDefault();
        String[] dyadStores = {DYAD_EVENTS_STORE, DYAD_COMMITMENTS_STORE, currentStore(), historyStore(),
                DyadStateProcessors.PENDING_STORE};
        eventsByDyad.process(() -> DyadStateProcessors.events(fold), dyadStores)
                .merge(commitmentsByDyad.process(() -> DyadStateProcessors.commitments(fold), dyadStores))
                .to(ParleyTopics.DYAD_STATE, Produced.with(topicKeys, dyadStateSerde));

        Gazetteer gazetteer = Gazetteer.loadDefault();
        events.toStream()
                .process(() -> new FanOutProcessor<EngagementEvent>(EVENT_ACTORS_STORE, ActorEvent::actorIds),
                        EVENT_ACTORS_STORE)
                .repartition(Repartitioned.<String, EngagementEvent>as(EVENTS_BY_ACTOR).withKeySerde(Serdes.String())
                        .withValueSerde(eventSerde).withStreamPartitioner(new GroupPartitioner<>()))
                .process(() -> new ActorsProcessor(id -> gazetteer.actor(id).map(Actor::roles).orElse(List.of())),
                        actorsStore());
    }
}
