package dev.parley.extract.actors;

import dev.parley.extract.ActorMention;
import dev.parley.extract.ActorType;
import dev.parley.extract.Gazetteer;

import java.util.List;

/**
 * Where a sentence names a country: by name ("Japón", "the United States") or by demonym ("mexicano", "U.S."). The
 * reader depends on this only, so the world-wide country knowledge can replace the gazetteer's country list.
 */
public interface CountryFinder {

    /** A country named in the text: ISO code and character offsets [begin, end); demonym for adjectives. */
    record Hit(String code, int begin, int end, boolean demonym) {
    }

    List<Hit> find(String text, String language);

    /** The gazetteer's country entries (names, short names, adjectives). */
    static CountryFinder of(Gazetteer gazetteer) {
        return (text, language) -> gazetteer.findCountries(text).stream()
                .filter(m -> m.actor().type() == ActorType.COUNTRY)
                .map(m -> new Hit(m.actor().country(), m.span().start(), m.span().end(),
                        m.via() == ActorMention.Via.COUNTRY_ADJECTIVE))
                .toList();
    }
}
