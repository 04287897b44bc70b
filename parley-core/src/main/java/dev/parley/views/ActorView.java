package dev.parley.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An actor as the events show it: name, type and country from its latest event, its offices (roles in the
 * gazetteer, e.g. "secretary-of-state"), when it was last seen and every event it took part in, in date order.
 */
public record ActorView(String actorId, String name, String type, String country, List<String> offices,
                        String lastSeen, int eventCount, List<ActorEvent> events) {

    public ActorView {
        offices = offices == null ? List.of() : List.copyOf(offices);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static ActorView empty(String actorId, List<String> offices) {
        return new ActorView(actorId, null, null, null, offices, null, 0, List.of());
    }

    /** With the event added, or replaced when it is already there. */
    public ActorView with(ActorEvent event) {
        List<ActorEvent> all = new ArrayList<>(without(event.eventId()).events());
        all.add(event);
        return withEvents(all);
    }

    public ActorView without(String eventId) {
        return withEvents(events.stream().filter(e -> !e.eventId().equals(eventId)).toList());
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    private ActorView withEvents(List<ActorEvent> unsorted) {
        List<ActorEvent> sorted = unsorted.stream()
                .sorted(Comparator.comparing(ActorEvent::date).thenComparing(ActorEvent::eventId)).toList();
        if (sorted.isEmpty()) {
            return new ActorView(actorId, name, type, country, offices, null, 0, sorted);
        }
        ActorEvent latest = sorted.get(sorted.size() - 1);
        return new ActorView(actorId, latest.name(), latest.type(), latest.country(), offices, latest.date(),
                sorted.size(), sorted);
    }
}
