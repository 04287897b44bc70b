package dev.parley.views;

import dev.parley.avro.EngagementEvent;
import dev.parley.avro.EventKind;
import dev.parley.avro.EventParticipant;
import java.util.List;
import java.util.Optional;

/**
 * One event an actor took part in, as the actors view keeps it: the event's date and kinds, and the actor's part
 * in it (role, and the name, type and country the event gives it).
 */
public record ActorEvent(String eventId, String date, String kind, List<String> kinds, List<String> dyads,
                         String role, String name, String type, String country) {

    /** The actor's part in the event; empty when it does not take part. */
    public static Optional<ActorEvent> of(EngagementEvent event, String actorId) {
        return event.getParticipants().stream().filter(p -> p.getActorId().equals(actorId)).findFirst()
                .map(p -> of(event, p));
    }

    private static ActorEvent of(EngagementEvent event, EventParticipant p) {
        return new ActorEvent(event.getId(), event.getDate().toString(), event.getKind().name(),
                event.getKinds().stream().map(EventKind::name).toList(), List.copyOf(event.getDyads()),
                p.getRole().name(), p.getName(), p.getType(), p.getCountry());
    }

    /** The actors an event is filed under: people and organisations, not countries (they only locate it). */
    public static List<String> actorIds(EngagementEvent event) {
        return event.getParticipants().stream().filter(p -> !"COUNTRY".equals(p.getType()))
                .map(EventParticipant::getActorId).distinct().sorted().toList();
    }
}
