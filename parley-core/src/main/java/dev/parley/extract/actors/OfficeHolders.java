package dev.parley.extract.actors;

import dev.parley.extract.Actor;
import dev.parley.extract.ActorMention;
import dev.parley.extract.ActorType;

import java.util.List;
import java.util.Objects;

/**
 * A title read without a name ("Mexico's Secretary of Foreign Affairs", "el canciller mexicano") is the person the
 * same article names as its holder, wherever in the article that is: the headline comes before the body that names
 * them, and the article's own naming outranks the gazetteer's holder for the date (which may be another year's).
 */
public final class OfficeHolders {

    private OfficeHolders() {
    }

    /** @param article every actor mention of the article, so that the people it names by name are known */
    public static List<ActorMention> fromArticle(List<ActorMention> mentions, List<ActorMention> article) {
        List<Actor> named = article.stream().filter(m -> !byTitle(m)).map(ActorMention::actor).toList();
        return mentions.stream().map(m -> resolve(m, named)).toList();
    }

    private static boolean byTitle(ActorMention m) {
        return m.via() == ActorMention.Via.ROLE || m.via() == ActorMention.Via.OFFICE;
    }

    private static ActorMention resolve(ActorMention m, List<Actor> articleActors) {
        if (!byTitle(m)) {
            return m;
        }
        Actor title = m.actor();
        if (title.roles().size() != 1 || title.countries().size() != 1) {
            return m;
        }
        String role = title.roles().get(0);
        List<Actor> named = articleActors.stream()
                .filter(a -> a.type() == ActorType.PERSON && !a.id().startsWith("office:"))
                .filter(a -> a.roles().contains(role) && a.countries().equals(title.countries()))
                .filter(a -> Objects.equals(a.accreditedTo(), title.accreditedTo()))
                .distinct().toList();
        return named.size() == 1 ? new ActorMention(named.get(0), m.span(), ActorMention.Via.ROLE) : m;
    }
}
