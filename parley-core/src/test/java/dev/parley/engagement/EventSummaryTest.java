package dev.parley.engagement;

import dev.parley.extract.EventKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.extract.ActorType;
import dev.parley.extract.DateBasis;
import dev.parley.extract.Participant;
import dev.parley.extract.Participant.Role;
import dev.parley.extract.Passage;
import dev.parley.extract.ResolvedDate;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Summaries with the shipped country names and given names. */
class EventSummaryTest {

    private final EventSummary summaries = EventSummary.withShippedData();

    private static Participant person(String name, String country, Role role) {
        return new Participant("person:" + country + ":" + name, name, ActorType.PERSON, country, role);
    }

    private static Participant country(String code, String writtenName, Role role) {
        return new Participant("country:" + code, writtenName, ActorType.COUNTRY, code, role);
    }

    @Test
    void aCallBetweenTwoPeopleNamesThemBySurnameAndCountry() {
        String line = summaries.summary(EventKind.CONSULT_CALL, List.of(
                person("Enrique Peña Nieto", "MX", Role.PARTICIPANT), person("Barack Obama", "US", Role.PARTICIPANT)));
        assertThat(line).isEqualTo("Peña Nieto (MX) spoke by phone with Obama (US)");
    }

    @Test
    void theInitiatorOfAMeetingComesFirst() {
        String line = summaries.summary(EventKind.MEET_VISIT, List.of(
                person("Antony Blinken", "US", Role.TARGET), person("Marcelo Ebrard", "MX", Role.INITIATOR)));
        assertThat(line).isEqualTo("Ebrard (MX) met Blinken (US)");
    }

    @Test
    void statesAreNamedInEnglishWhenNoPersonSpeaksForThem() {
        String line = summaries.summary(EventKind.DEMAND, List.of(
                country("MX", "México", Role.TARGET), country("US", "Estados Unidos", Role.INITIATOR)));
        assertThat(line).isEqualTo("United States made demands of Mexico");
    }

    @Test
    void aStateWithItsOwnPersonInTheEventIsNotRepeated() {
        String line = summaries.summary(EventKind.THREAT, List.of(
                person("Rodrigo Salcedo Peña", "MX", Role.INITIATOR), country("MX", "México", Role.PARTICIPANT),
                country("CA", "Canadá", Role.TARGET)));
        assertThat(line).isEqualTo("Salcedo Peña (MX) threatened Canada");
    }

    @Test
    void organisationsKeepTheirNameAndOfficesTheirCountry() {
        Participant sre = new Participant("mx-sre", "Secretaría de Relaciones Exteriores", ActorType.ORGANISATION,
                "MX", Role.INITIATOR);
        Participant office = new Participant("CA/foreign-minister", "foreign-minister (CA)", ActorType.PERSON, "CA",
                Role.TARGET);
        assertThat(summaries.summary(EventKind.DEMAND, List.of(sre, office)))
                .isEqualTo("Secretaría de Relaciones Exteriores (MX) made demands of foreign minister (CA)");
    }

    @Test
    void aBodyOfTwoStatesNamesBothAndSpeaksForThem() {
        Participant group = new Participant("ca-mx-labour-mobility-group", "Bilateral Working Group on Labour Mobility",
                ActorType.ORGANISATION, "CA", Role.PARTICIPANT);
        String line = summaries.summary(EventKind.MEET_VISIT, List.of(group, country("MX", "México", Role.PARTICIPANT)),
                id -> id.equals(group.actorId()) ? List.of("CA", "MX") : List.of());
        assertThat(line).isEqualTo("Bilateral Working Group on Labour Mobility (CA, MX) held a meeting");
    }

    @Test
    void anEnvoyIsOfItsOwnCountryNotOfItsHost() {
        String line = summaries.summary(EventKind.STATEMENT, List.of(person("Martin Leclerc", "CA", Role.INITIATOR),
                country("MX", "México", Role.TARGET)), id -> List.of("CA", "MX"));
        assertThat(line).isEqualTo("Leclerc (CA) made a statement on Mexico");
    }

    @Test
    void shortNamesFollowTheNamingCustomOfTheCountry() {
        assertThat(summaries.shortName("Alejandro Ibarra Solís", "MX")).isEqualTo("Ibarra Solís");
        assertThat(summaries.shortName("Rosa Elena Villaseñor", "MX")).isEqualTo("Villaseñor");
        assertThat(summaries.shortName("Ingrid Halvorsen", null)).as("a person whose country the text never says").isEqualTo("Halvorsen");
        assertThat(summaries.shortName("Andrés Manuel López Obrador", "MX")).isEqualTo("López Obrador");
        assertThat(summaries.shortName("Juan Ramón de la Fuente", "MX")).isEqualTo("de la Fuente");
        assertThat(summaries.shortName("Élise Tremblay", "CA")).isEqualTo("Tremblay");
        assertThat(summaries.shortName("John Forbes Kerry", "US")).isEqualTo("Kerry");
        assertThat(summaries.shortName("Ursula von der Leyen", "DE")).isEqualTo("von der Leyen");
        assertThat(summaries.shortName("Xi Jinping", "CN")).isEqualTo("Xi");
        assertThat(summaries.shortName("Madonna", null)).isEqualTo("Madonna");
    }

    @Test
    void onlyOneSideOrNoneStillReads() {
        assertThat(summaries.summary(EventKind.STATEMENT, List.of(person("Martin Leclerc", "CA", Role.INITIATOR))))
                .isEqualTo("Leclerc (CA) made a statement");
        assertThat(summaries.summary(EventKind.THREAT, List.of(country("VE", "Venezuela", Role.TARGET))))
                .isEqualTo("A threat against Venezuela");
        assertThat(summaries.summary(EventKind.CONSULT_CALL, List.of(person("Juan Ramón de la Fuente", "MX",
                Role.PARTICIPANT), person("Marco Rubio", "US", Role.PARTICIPANT))))
                .isEqualTo("De la Fuente (MX) spoke by phone with Rubio (US)");
        assertThat(summaries.summary(EventKind.MEET_VISIT, List.of()))
                .isEqualTo("A meeting (participants not named)");
    }

    @Test
    void manyParticipantsAreCounted() {
        List<Participant> many = List.of(country("AR", "Argentina", Role.PARTICIPANT),
                country("BR", "Brasil", Role.PARTICIPANT), country("CL", "Chile", Role.PARTICIPANT),
                country("UY", "Uruguay", Role.PARTICIPANT), country("PY", "Paraguay", Role.PARTICIPANT),
                country("BO", "Bolivia", Role.PARTICIPANT));
        assertThat(summaries.summary(EventKind.AGREEMENT_COMMITMENT, many))
                .isEqualTo("Argentina, Brazil, Chile and 3 others reached an agreement");
    }

    @Test
    void theEvidenceIsTheFirstPassageOfTheFirstSourceOnOneLine() {
        Passage first = new Passage("a1", 0, 40, "El canciller conversó\ncon su homóloga  canadiense.");
        Passage later = new Passage("a1", 50, 60, "Otra frase.");
        EngagementEvent event = new EngagementEvent("evt-1", EventKind.CONSULT_CALL, Set.of(EventKind.CONSULT_CALL),
                1.0, List.of(), ResolvedDate.day(LocalDate.of(2026, 3, 2)), DateBasis.EXPLICIT, null, Set.of(),
                List.of(new EngagementEvent.EventSource("a1", "e1", DateBasis.EXPLICIT, List.of(first, later)),
                        new EngagementEvent.EventSource("a2", "e1", DateBasis.EXPLICIT,
                                List.of(new Passage("a2", 0, 5, "Nada.")))),
                List.of(), List.of(), List.of(), List.of());
        assertThat(EventSummary.evidence(event)).isEqualTo("El canciller conversó con su homóloga canadiense.");
        assertThat(summaries.summary(event, id -> List.of())).isEqualTo("A phone call (participants not named)");
    }
}
