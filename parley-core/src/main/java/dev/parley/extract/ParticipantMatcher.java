package dev.parley.extract;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Can two reports name the same parties? Two sets of named people must agree (equal, or one inside the other when
 * a report names only one side); organisations also match their parent (a bureau speaks for its department);
 * reports that name no person or organisation only need a common country.
 */
public final class ParticipantMatcher {

    private final Gazetteer gazetteer;

    public ParticipantMatcher(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public boolean compatible(Collection<Participant> a, Collection<Participant> b) {
        Set<String> keyA = expand(keyIds(a));
        Set<String> keyB = expand(keyIds(b));
        if (keyA.isEmpty() || keyB.isEmpty()) {
            Set<String> ca = countries(a);
            Set<String> cb = countries(b);
            return ca.isEmpty() || cb.isEmpty() || ca.stream().anyMatch(cb::contains);
        }
        Set<String> personsA = persons(a);
        Set<String> personsB = persons(b);
        if (personsA.size() >= 2 && personsB.size() >= 2) {
            return personsA.containsAll(personsB) || personsB.containsAll(personsA);
        }
        if (!personsA.isEmpty() && personsB.size() >= 2 && !personsB.containsAll(personsA)) {
            return false;
        }
        if (!personsB.isEmpty() && personsA.size() >= 2 && !personsA.containsAll(personsB)) {
            return false;
        }
        if (!personsA.isEmpty() && !personsB.isEmpty()) {
            return personsA.stream().anyMatch(personsB::contains);
        }
        return keyA.stream().anyMatch(keyB::contains);
    }

    private static Set<String> keyIds(Collection<Participant> ps) {
        // Non-state groups are mostly the object of what is said ("contra los cárteles"), not who says it.
        return ps.stream().filter(p -> p.isKeyActor() && p.type() != ActorType.GROUP).map(Participant::actorId)
                .collect(Collectors.toSet());
    }

    private Set<String> expand(Set<String> ids) {
        Set<String> out = new HashSet<>(ids);
        for (String id : ids) {
            gazetteer.actor(id).filter(a -> a.type() == ActorType.ORGANISATION && a.parentOrg() != null)
                    .ifPresent(a -> out.add(a.parentOrg()));
        }
        return out;
    }

    private static Set<String> persons(Collection<Participant> ps) {
        return ps.stream().filter(p -> p.type() == ActorType.PERSON).map(Participant::actorId)
                .collect(Collectors.toSet());
    }

    private static Set<String> countries(Collection<Participant> ps) {
        return ps.stream().map(Participant::country).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
