package dev.parley.engagement.stream;

import dev.parley.kafka.serde.StateFormat;
import dev.parley.kafka.serde.StateFormat.Upgrades;
import java.util.List;

/** The engagement stage's stored types (the facts store and the merge repartition). */
public final class EngagementStateFormats {

    /** Version 0 stored {@code Participant.isKeyActor()} as a property of every participant. */
    static final StateFormat<ReportedFacts> REPORTED_FACTS = StateFormat.of("engagement.reported-facts", ReportedFacts.class)
            .upgradeFrom(0, Upgrades.dropDerived("keyActor", "facts", "events", "*", "participants", "*"))
            .build();

    private EngagementStateFormats() {
    }

    public static List<StateFormat<?>> all() {
        return List.of(REPORTED_FACTS);
    }
}
