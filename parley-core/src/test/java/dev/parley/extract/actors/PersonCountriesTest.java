package dev.parley.extract.actors;

import dev.parley.extract.Actor;
import dev.parley.extract.ActorMention;
import dev.parley.extract.ActorMention.Via;
import dev.parley.extract.ActorType;
import dev.parley.extract.Span;
import dev.parley.extract.world.CountryKnowledge;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PersonCountriesTest {

    private static final DatelineCountry DATELINES = new DatelineCountry(CountryKnowledge.loadDefault());
    private static final LocalDate DAY = LocalDate.of(1987, 3, 12);

    private static ActorMention at(String sentence, String words, Actor actor) {
        int start = sentence.indexOf(words);
        return new ActorMention(actor, new Span(start, start + words.length()), Via.PERSON_NAME);
    }

    private static Actor person(String name, String... roles) {
        return new Actor("person:" + PersonNames.slug(name), ActorType.PERSON, name, List.of(), List.of(roles), null);
    }

    private static Actor country(String code) {
        return new Actor("country:" + code, ActorType.COUNTRY, code, List.of(code), List.of(), null);
    }

    @Test
    void aPersonRightAfterACountrysBodyOrTitleIsOfThatCountry() {
        String s = "Ministro Tanaka met U.S. Treasury Secretary Paul Weller on Monday.";
        Actor treasury = new Actor("org:US:treasury", ActorType.ORGANISATION, "U.S. Treasury", List.of("US"),
                List.of(), null);
        List<ActorMention> read = PersonCountries.complete(List.of(at(s, "Tanaka", person("Tanaka")),
                at(s, "U.S. Treasury", treasury), at(s, "Paul Weller", person("Paul Weller"))), s, Optional.empty());
        assertThat(read.get(2).actor().countries()).containsExactly("US");
        assertThat(read.get(2).actor().id()).isEqualTo("person:US:paul-weller");
        assertThat(read.get(0).actor().countries()).as("no body or title before it, no dateline").isEmpty();

        String t = "Britain's Trade Secretary Alan Fenwick left for Tokyo.";
        List<ActorMention> titled = PersonCountries.complete(List.of(at(t, "Britain", country("GB")),
                at(t, "Alan Fenwick", person("Alan Fenwick"))), t, Optional.empty());
        assertThat(titled.get(1).actor().countries()).containsExactly("GB");
        String far = "Britain said on Monday that Alan Fenwick would travel.";
        List<ActorMention> apart = PersonCountries.complete(List.of(at(far, "Britain", country("GB")),
                at(far, "Alan Fenwick", person("Alan Fenwick"))), far, Optional.empty());
        assertThat(apart.get(1).actor().countries()).as("a clause between them").isEmpty();
    }

    @Test
    void onlyATitledPersonTakesTheDatelinesCountry() {
        String s = "President Harlan met Farid Nasser.";
        List<ActorMention> read = PersonCountries.complete(List.of(at(s, "Harlan", person("Harlan", "president")),
                at(s, "Farid Nasser", person("Farid Nasser"))), s, Optional.of("US"));
        assertThat(read.get(0).actor().countries()).containsExactly("US");
        assertThat(read.get(1).actor().countries()).isEmpty();
    }

    @Test
    void anOfficialOfAnInternationalBodyTakesNoCountryFromTheDateline() {
        String es = "El secretario general de las Naciones Unidas (ONU), Lars Ekholm, pidió calma.";
        List<ActorMention> un = PersonCountries.complete(List.of(at(es, "Lars Ekholm",
                person("Lars Ekholm", "secretario general"))), es, Optional.of("RU"));
        assertThat(un.get(0).actor().countries()).isEmpty();
        String en = "U.N. Secretary-General Lars Ekholm urged calm.";
        List<ActorMention> abbreviated = PersonCountries.complete(List.of(at(en, "Lars Ekholm",
                person("Lars Ekholm", "secretary-general"))), en, Optional.of("RU"));
        assertThat(abbreviated.get(0).actor().countries()).isEmpty();
        String national = "UNITA Secretary-General Lars Ekholm urged calm.";
        List<ActorMention> party = PersonCountries.complete(List.of(at(national, "Lars Ekholm",
                person("Lars Ekholm", "secretary-general"))), national, Optional.of("RU"));
        assertThat(party.get(0).actor().countries()).as("UNITA is a party, not the UN").containsExactly("RU");
    }

    @Test
    void aPersonReadWithoutACountryTakesTheOneTheArticleGivesThemElsewhere() {
        Actor later = new Actor("person:BR:marta-quintela", ActorType.PERSON, "Marta Quintela", List.of("BR"),
                List.of("president"), null);
        String s = "Quintela se reunió con el enviado.";
        List<ActorMention> read = PersonCountries.fromArticle(List.of(at(s, "Quintela", person("Quintela"))),
                List.of(person("Quintela"), later));
        assertThat(read.get(0).actor()).isEqualTo(later);
        Actor other = new Actor("person:PT:marta-quintela", ActorType.PERSON, "Marta Quintela", List.of("PT"),
                List.of(), null);
        List<ActorMention> ambiguous = PersonCountries.fromArticle(List.of(at(s, "Quintela", person("Quintela"))),
                List.of(later, other));
        assertThat(ambiguous.get(0).actor().countries()).as("two countries for one name: left unknown").isEmpty();
    }

    @Test
    void theDatelineIsAPlaceThatStartsTheBody() {
        assertThat(DATELINES.of("WASHINGTON, March 12 - President Harlan said", "en", DAY)).contains("US");
        assertThat(DATELINES.of("![](http://example.org/a.jpg) Tokio. El primer ministro dijo", "es", DAY))
                .contains("JP");
        assertThat(DATELINES.of("México, DF. El canciller dijo", "es", DAY)).contains("MX");
        assertThat(DATELINES.of("Bruselas. Los ministros de la Unión acordaron", "es", DAY))
                .as("a seat of international bodies says nothing of nationality").isEmpty();
        assertThat(DATELINES.of("Britain wants Japan to agree a timetable", "en", DAY)).isEmpty();
        assertThat(DATELINES.of("Canada and the United States agreed", "en", DAY)).isEmpty();
        assertThat(DATELINES.end("OSLO, March 6 (Reuters) - Foreign Minister")).isEqualTo("OSLO, March 6 (Reuters) - ".length());
        assertThat(DATELINES.end("Tokio. El primer ministro")).isEqualTo("Tokio. ".length());
        assertThat(DATELINES.end("Canada and the United States agreed on March 6 - a deal")).isZero();
    }
}
