package dev.parley.extract.actors;

import dev.parley.extract.Actor;
import dev.parley.extract.ActorType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The people (and offices) one article has named so far, most recent last. Immutable: each sentence read returns
 * the next context, so one article's reading cannot leak into another's.
 */
public record ActorContext(List<Actor> people) {

    public static final ActorContext EMPTY = new ActorContext(List.of());

    public ActorContext {
        people = List.copyOf(people);
    }

    /** The context of an article whose actors so far are these, earliest first (countries and bodies are ignored). */
    public static ActorContext of(List<Actor> actorsSoFar) {
        return EMPTY.with(actorsSoFar);
    }

    /**
     * This context plus the people among the given actors: a person named again moves to the end, and a person now
     * known better (same name, with a country) replaces the earlier reading.
     */
    public ActorContext with(List<Actor> actors) {
        List<Actor> next = new ArrayList<>(people);
        for (Actor a : actors) {
            if (a.type() == ActorType.PERSON) {
                List<String> words = PersonNames.words(a.name());
                next.removeIf(p -> p.equals(a) || p.countries().isEmpty() && PersonNames.words(p.name()).equals(words));
                next.add(a);
            }
        }
        return new ActorContext(next);
    }

    /** The person already named with exactly these name words, or whose surname these words are (most recent). */
    Optional<Actor> byName(List<String> words, boolean surnameOnly) {
        for (int i = people.size() - 1; i >= 0; i--) {
            if (people.get(i).id().startsWith("office:")) {
                continue; // an office's name ("ambassador (US)") is no person's name
            }
            List<String> known = PersonNames.words(people.get(i).name());
            if (surnameOnly ? PersonNames.isSurnameOf(words, known) : known.equals(words)) {
                return Optional.of(people.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * People of the context holding the role: of the country when given, else (no such person) those whose
     * country the text never said.
     */
    List<Actor> holding(String roleId, String country) {
        List<Actor> withRole = people.stream().filter(a -> a.roles().contains(roleId)).toList();
        if (country == null) {
            return withRole;
        }
        List<Actor> ofCountry = withRole.stream().filter(a -> country.equals(a.country())).toList();
        return !ofCountry.isEmpty() ? ofCountry : withRole.stream().filter(a -> a.countries().isEmpty()).toList();
    }
}
