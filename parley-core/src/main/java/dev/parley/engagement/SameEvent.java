package dev.parley.engagement;

import dev.parley.extract.EventKind;
import dev.parley.extract.Ontology;

import dev.parley.extract.Actor;
import dev.parley.extract.Gazetteer;
import dev.parley.extract.Participant;
import dev.parley.extract.ParticipantMatcher;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Can two reports (from different articles) be of one real-world event? Dates aside, they must have compatible
 * kinds (ontology), the same full set of countries (one shared country is not enough: MX–US and MX–VE are two
 * relations), the same direction for verbal acts (US→MX and MX→US threats are two acts), and compatible people and
 * organisations where both name them.
 */
public final class SameEvent {

    private final Ontology ontology;
    private final Gazetteer gazetteer;
    private final ParticipantMatcher matcher;

    public SameEvent(Ontology ontology, Gazetteer gazetteer) {
        this.ontology = ontology;
        this.gazetteer = gazetteer;
        this.matcher = new ParticipantMatcher(gazetteer);
    }

    /**
     * @param kindsA the primary kinds of the reports already taken as one event (each must agree with kindB)
     */
    public boolean compatible(Collection<EventKind> kindsA, Collection<Participant> a, EventKind kindB,
                              Collection<Participant> b) {
        if (!kindsA.stream().allMatch(k -> ontology.compatible(k, kindB))) {
            return false;
        }
        if (!pair(a).equals(pair(b))) {
            return false;
        }
        if (ontology.info(kindB).group().equals("VERBAL")) {
            Set<String> fromA = initiatorCountries(a);
            Set<String> fromB = initiatorCountries(b);
            if (!fromA.isEmpty() && !fromB.isEmpty() && !fromA.equals(fromB)) {
                return false;
            }
        }
        return matcher.compatible(a, b);
    }

    /**
     * The countries a report puts the event between: those of the people, organisations and groups it names when
     * they span two or more countries (a state named only in passing, "tras la intervención en Venezuela", is
     * weaker evidence than who acted), else those of every participant.
     */
    Set<String> pair(Collection<Participant> ps) {
        Set<String> ofActors = countries(ps.stream().filter(Participant::isKeyActor).toList());
        return ofActors.size() >= 2 ? ofActors : countries(ps);
    }

    /** The countries an event belongs to: each participant's own, and an envoy's host country. */
    public Set<String> countries(Collection<Participant> ps) {
        Set<String> out = new TreeSet<>();
        for (Participant p : ps) {
            var relation = gazetteer.actor(p.actorId()).map(Actor::relationCountries).orElse(java.util.List.of());
            if (relation.isEmpty()) {
                if (p.country() != null) {
                    out.add(p.country());
                }
            } else {
                out.addAll(relation);
            }
        }
        return out;
    }

    private static Set<String> initiatorCountries(Collection<Participant> ps) {
        Set<String> out = new TreeSet<>();
        ps.stream().filter(p -> p.role() == Participant.Role.INITIATOR).map(Participant::country)
                .filter(Objects::nonNull).forEach(out::add);
        return out;
    }
}
