package dev.parley.extract.actors;

import dev.parley.extract.ActorMention;
import dev.parley.extract.ActorType;
import dev.parley.extract.Gazetteer;
import dev.parley.extract.world.CountryKnowledge;
import dev.parley.extract.world.Via;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a sentence names a country: by name ("Japón", "the United States"), by demonym ("mexicano", "U.S."), or
 * by an institution standing for it ("el Kremlin", "la Cancillería de Chile"). The reader depends on this only.
 */
public interface CountryFinder {

    /** How the text names the country. */
    enum Kind { NAME, DEMONYM, SEAT_OF_GOVERNMENT, FOREIGN_MINISTRY }

    /** A country named in the text: ISO (or documented historical) code and character offsets [begin, end). */
    record Hit(String code, int begin, int end, Kind kind, boolean looksLikePartOfName) {

        public Hit(String code, int begin, int end, Kind kind) {
            this(code, begin, end, kind, false);
        }

        public boolean demonym() {
            return kind == Kind.DEMONYM;
        }

        /** "la Cancillería de Chile", "el Kremlin": a body of the state, not the state's name. */
        public boolean institution() {
            return kind == Kind.SEAT_OF_GOVERNMENT || kind == Kind.FOREIGN_MINISTRY;
        }
    }

    /** @param date the article's date, for forms shared by a historical state and its successor; may be null */
    List<Hit> find(String text, String language, LocalDate date);

    /**
     * World-wide country knowledge; generic ministries whose country the text does not say are left out, and so are
     * demonyms of a state gone by the article's date ("Ucrania, una ex república soviética" in 2014 describes
     * Ukraine's past; no Soviet Union takes part). A hit that looks like part of a name ("Lisa Monaco") is flagged
     * for sentences read without NER.
     */
    static CountryFinder of(CountryKnowledge knowledge) {
        return (text, language, date) -> knowledge.find(text, language, date).stream()
                .filter(m -> m.hasCountry())
                .filter(m -> !(date != null && m.via() == Via.DEMONYM
                        && knowledge.ceasedBy(m.code(), date)))
                .map(m -> new Hit(m.code(), m.begin(), m.end(), switch (m.via()) {
                    case DEMONYM -> Kind.DEMONYM;
                    case SEAT_OF_GOVERNMENT -> Kind.SEAT_OF_GOVERNMENT;
                    case MINISTRY -> Kind.FOREIGN_MINISTRY;
                    case NAME, CAPITAL -> Kind.NAME;
                }, CountryKnowledge.looksLikePartOfName(text, m)))
                .toList();
    }

    /** The gazetteer's own country entries (names, short names, adjectives). */
    static CountryFinder of(Gazetteer gazetteer) {
        return (text, language, date) -> gazetteer.findCountries(text).stream()
                .filter(m -> m.actor().type() == ActorType.COUNTRY)
                .map(m -> new Hit(m.actor().country(), m.span().start(), m.span().end(),
                        m.via() == ActorMention.Via.COUNTRY_ADJECTIVE ? Kind.DEMONYM : Kind.NAME))
                .toList();
    }
}
