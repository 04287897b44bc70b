package dev.parley.extract;

/** An actor in an event and its part in it. */
public record Participant(String actorId, String name, ActorType type, String country, Role role)
        implements Comparable<Participant> {

    public enum Role { INITIATOR, TARGET, PARTICIPANT }

    public static Participant of(Actor a, Role role) {
        return new Participant(a.id(), a.name(), a.type(), a.country(), role);
    }

    public boolean isKeyActor() {
        return type != ActorType.COUNTRY;
    }

    @Override
    public int compareTo(Participant o) {
        return actorId.compareTo(o.actorId);
    }
}
