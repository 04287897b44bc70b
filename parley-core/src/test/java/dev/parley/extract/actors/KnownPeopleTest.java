package dev.parley.extract.actors;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnownPeopleTest {

    private static final KnownPeople PEOPLE = KnownPeople.parse(List.of(
            "# comment",
            "US\thead-of-state\tGeorge H. W. Bush\tGeorge Bush;Bush\t1989-01-20\t1993-01-20",
            "US\tvice-president\tGeorge Bush\tBush\t1981-01-20\t1989-01-20",
            "GB\tprime-minister\tJohn Smith\tSmith\t1990-01-01\t1992-01-01",
            "AU\tprime-minister\tJane Smith\tSmith\t1991-09-01\t1993-01-01",
            "RU\tforeign-minister\tSergei Lavrov\tSerguéi Lavrov;Lavrov\t2004-03-09\t"));

    @Test
    void aFullNameIsThatPersonAtAnyDateAndTakesTheNearestTerm() {
        assertThat(PEOPLE.lookup("Sergei Lavrov", LocalDate.of(1999, 1, 1))).get()
                .extracting(KnownPeople.Holder::country).isEqualTo("RU");
        assertThat(PEOPLE.lookup("Serguéi Lavrov", LocalDate.of(2013, 9, 1))).get()
                .extracting(KnownPeople.Holder::role).isEqualTo("foreign-minister");
        // "George Bush" is the 1980s vice-president and the 1989 president: the term nearest the date wins.
        assertThat(PEOPLE.lookup("George Bush", LocalDate.of(1987, 3, 1))).get()
                .extracting(KnownPeople.Holder::role).isEqualTo("vice-president");
        assertThat(PEOPLE.lookup("George Bush", LocalDate.of(1991, 3, 1))).get()
                .extracting(KnownPeople.Holder::role).isEqualTo("head-of-state");
    }

    @Test
    void aSurnameAloneOnlyNearATermAndOnlyWhenOneCountryFits() {
        assertThat(PEOPLE.lookup("Lavrov", LocalDate.of(2013, 9, 1))).get()
                .extracting(KnownPeople.Holder::name).isEqualTo("Sergei Lavrov");
        assertThat(PEOPLE.lookup("Lavrov", LocalDate.of(1990, 1, 1))).isEmpty();
        assertThat(PEOPLE.lookup("Lavrov", null)).isEmpty();
        // Within a year of leaving office the surname still reads; long after, it does not.
        assertThat(PEOPLE.lookup("Smith", LocalDate.of(1990, 6, 1))).get()
                .extracting(KnownPeople.Holder::country).isEqualTo("GB");
        assertThat(PEOPLE.lookup("Smith", LocalDate.of(1991, 6, 1))).as("two countries' Smiths").isEmpty();
        assertThat(PEOPLE.lookup("Smith", LocalDate.of(1999, 6, 1))).isEmpty();
    }

    @Test
    void theShippedFileLoadsAndKnowsNobodyUnderNone() {
        assertThat(KnownPeople.loadDefault().lookup("Barack Obama", LocalDate.of(2013, 6, 1))).get()
                .extracting(KnownPeople.Holder::country).isEqualTo("US");
        assertThat(KnownPeople.NONE.lookup("Barack Obama", LocalDate.of(2013, 6, 1))).isEmpty();
        assertThatThrownBy(() -> KnownPeople.parse(List.of("US\tonly three\tfields")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 tab-separated");
    }
}
