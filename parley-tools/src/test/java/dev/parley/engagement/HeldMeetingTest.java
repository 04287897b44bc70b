package dev.parley.engagement;

import dev.parley.extract.EventKind;

import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.ArticleInput;
import dev.parley.extract.report.IngestedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds schedule the Security Implementation Group for 23 January; a later report that it met, in whatever
 * phrasing, makes that commitment HELD and is itself a meeting of the parties. Real extractor and merger.
 */
class HeldMeetingTest {

    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.withDefaults();
    private static final EngagementMerger MERGER = new EngagementMerger(EXTRACTOR.ontology(), EXTRACTOR.gazetteer());
    private static List<ArticleFacts> seeds;

    @BeforeAll
    static void extractSeeds() throws Exception {
        IngestedCorpus corpus = IngestedCorpus.read(Path.of(System.getProperty("parley.seeds.dir")));
        seeds = corpus.articles().stream().map(EXTRACTOR::extract).toList();
    }

    private static EngagementState withReport(String published, String language, String body) {
        List<ArticleFacts> facts = new ArrayList<>(seeds);
        facts.add(EXTRACTOR.extract(new ArticleInput("report-" + published, "test", LocalDate.parse(published),
                language, "", body)));
        return MERGER.merge(facts);
    }

    private static Commitment group(EngagementState state) {
        return state.commitments().stream().filter(c -> c.dueDate() != null
                && c.dueDate().first().equals(LocalDate.of(2026, 1, 23))).findFirst().orElseThrow();
    }

    @Test
    void commitmentsCarryTheirPartiesCountriesAndDyads() {
        EngagementState state = MERGER.merge(seeds);
        assertThat(state.commitments()).hasSize(2).allSatisfy(c -> {
            assertThat(c.parties()).contains("marco-rubio", "juan-ramon-de-la-fuente");
            assertThat(c.countries()).containsExactly("MX", "US");
            assertThat(c.dyads()).containsExactly("MX-US");
        });
        assertThat(group(state).parties()).contains("us-mx-security-implementation-group");
        assertThat(group(state).status()).isEqualTo(Commitment.Status.SCHEDULED);
    }

    @Test
    void celebraronLaReunionDelGrupoMakesItHeldAndIsAMeetingOfTheParties() {
        EngagementState state = withReport("2026-01-24", "es", "Ciudad de México, a 24 de enero de 2026.- "
                + "Funcionarios de México y Estados Unidos celebraron ayer viernes 23 de enero la reunión del Grupo de "
                + "Implementación de Seguridad, en la que revisaron las acciones contra el tráfico de fentanilo.");
        Commitment c = group(state);
        assertThat(c.status()).isEqualTo(Commitment.Status.HELD);
        assertThat(c.heldOn()).isEqualTo(LocalDate.of(2026, 1, 23));
        EngagementEvent meeting = state.events().stream().filter(e -> e.eventId().equals(c.heldAtEventId()))
                .findFirst().orElseThrow();
        assertThat(meeting.kind()).isEqualTo(EventKind.MEET_VISIT);
        assertThat(meeting.date().first()).isEqualTo(LocalDate.of(2026, 1, 23));
        assertThat(meeting.articleIds()).containsExactly("report-2026-01-24");
        assertThat(meeting.participants()).extracting(p -> p.actorId())
                .contains("us-mx-security-implementation-group", "country:MX", "country:US");
        // The ministerial of February is another commitment: still scheduled.
        assertThat(state.commitments()).filteredOn(x -> x != c)
                .allSatisfy(x -> assertThat(x.status()).isEqualTo(Commitment.Status.SCHEDULED));
    }

    @Test
    void anEnglishReportThatTheGroupMetAlsoCounts() {
        EngagementState state = withReport("2026-01-25", "en", "WASHINGTON, January 25, 2026 - Officials from "
                + "Mexico and the United States said the group met on January 23 in Mexico City to review joint "
                + "actions against fentanyl trafficking.");
        assertThat(group(state).status()).isEqualTo(Commitment.Status.HELD);
        assertThat(group(state).heldOn()).isEqualTo(LocalDate.of(2026, 1, 23));
    }

    @Test
    void seReunioElGrupoADayLateStillCounts() {
        EngagementState state = withReport("2026-01-25", "es", "Ciudad de México, a 25 de enero de 2026.- "
                + "Se reunió el sábado 24 de enero el Grupo de Implementación de Seguridad bilateral, con "
                + "delegaciones de México y Estados Unidos.");
        assertThat(group(state).status()).isEqualTo(Commitment.Status.HELD);
        assertThat(group(state).heldOn()).isEqualTo(LocalDate.of(2026, 1, 24));
    }

    @Test
    void anotherBodyAnotherWeekOrANegatedMeetingDoNotCount() {
        EngagementState otherBody = withReport("2026-01-24", "es", "Ciudad de México, a 24 de enero de 2026.- "
                + "Funcionarios de México y Estados Unidos celebraron ayer viernes 23 de enero la reunión de la "
                + "Comisión Binacional de Salud Fronteriza.");
        assertThat(group(otherBody).status()).isEqualTo(Commitment.Status.OVERDUE);

        EngagementState weekLater = withReport("2026-02-01", "es", "Ciudad de México, a 1 de febrero de 2026.- "
                + "Funcionarios de México y Estados Unidos celebraron ayer sábado 31 de enero la reunión del Grupo de "
                + "Implementación de Seguridad.");
        assertThat(group(weekLater).status()).isEqualTo(Commitment.Status.OVERDUE);
    }

    @Test
    void aNegatedOrFutureMeetingIsNoReportThatItWasHeld() {
        ArticleFacts negated = EXTRACTOR.extract(new ArticleInput("neg", "test", LocalDate.of(2026, 1, 24), "es", "",
                "El Grupo de Implementación de Seguridad no se reunió este viernes 23 de enero, como estaba previsto."));
        ArticleFacts future = EXTRACTOR.extract(new ArticleInput("fut", "test", LocalDate.of(2026, 1, 20), "es", "",
                "Funcionarios de México y Estados Unidos celebrarán el viernes 23 de enero la reunión del Grupo de "
                        + "Implementación de Seguridad."));
        ArticleFacts held = EXTRACTOR.extract(new ArticleInput("held", "test", LocalDate.of(2026, 1, 24), "es", "",
                "El Grupo de Implementación de Seguridad se reunió este viernes 23 de enero, como estaba previsto."));
        assertThat(negated.commitments()).noneMatch(c -> c.held());
        assertThat(future.commitments()).noneMatch(c -> c.held());
        assertThat(held.commitments()).anySatisfy(c -> {
            assertThat(c.held()).isTrue();
            assertThat(c.subjectActorId()).isEqualTo("us-mx-security-implementation-group");
            assertThat(c.dueDate().first()).isEqualTo(LocalDate.of(2026, 1, 23));
        });
    }
}
