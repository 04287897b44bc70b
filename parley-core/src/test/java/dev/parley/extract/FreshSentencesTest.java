package dev.parley.extract;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Held-out sentences, written after the lexicons were tuned on the seeds and samples: a measure of how the rules
 * do on unseen text. First run: 8/12; two general fixes followed ("recibió al", states as parties), so 10/12 is no
 * longer a blind score. The two remaining misses stay in on purpose.
 */
class FreshSentencesTest {

    private record Case(String language, String text, String kind) {
    }

    private static final List<Case> CASES = List.of(
            new Case("es", "El canciller Juan Ramón de la Fuente recibió este jueves al embajador Ronald Johnson en la Cancillería para revisar la agenda migratoria.", "MEET_VISIT"),
            new Case("en", "Donald Trump threatened on Wednesday to impose 25 percent tariffs on Mexican imports.", "THREAT"),
            new Case("es", "México rechazó este martes las acusaciones del gobierno de Estados Unidos sobre el flujo de armas.", "REJECTION"),
            new Case("en", "Marco Rubio and Juan Ramon de la Fuente issued a joint statement on Friday on border security.", "JOINT_STATEMENT"),
            new Case("es", "La secretaria de Economía de México viajó a Ottawa y se reunió el lunes con la ministra de Comercio de Canadá.", "MEET_VISIT"),
            // Known miss: no second state is named ("foreign troops"), so no engagement is read.
            new Case("en", "Claudia Sheinbaum said on Monday that Mexico would never accept foreign troops on its soil.", "STATEMENT"),
            new Case("es", "El Departamento de Estado exigió este viernes a México la extradición de dos líderes criminales.", "DEMAND"),
            new Case("en", "The weather in Monterrey was sunny on Saturday and the stadium was full.", "NONE"),
            new Case("es", "Trump y Sheinbaum hablaron por teléfono ayer sobre el T-MEC.", "CONSULT_CALL"),
            new Case("en", "President Sheinbaum met with the Canadian Prime Minister in Mexico City on January 20.", "MEET_VISIT"),
            new Case("es", "El embajador de Estados Unidos en México, Ronald Johnson, advirtió el martes que habrá consecuencias si no se frena el tráfico de fentanilo.", "THREAT"),
            // Known miss: a plural office ("the foreign ministers of Brazil and Argentina") names no actor.
            new Case("en", "On Tuesday, the foreign ministers of Brazil and Argentina agreed to meet again in March in Buenos Aires.", "AGREEMENT_COMMITMENT"));

    @Test
    void atLeastTenOfTwelveHeldOutSentencesGiveTheRightKind() {
        ArticleExtractor x = ArticleExtractor.withDefaults();
        List<String> misses = new ArrayList<>();
        for (Case c : CASES) {
            ArticleFacts f = x.extract(new ArticleInput("fresh", "test", LocalDate.of(2026, 1, 22), c.language(), "", c.text()));
            boolean hit = c.kind().equals("NONE") ? f.events().isEmpty()
                    : !f.events().isEmpty() && f.events().get(0).kinds().stream().anyMatch(k -> k.name().equals(c.kind()));
            if (!hit) {
                misses.add(c.kind() + ": " + c.text());
            }
        }
        misses.forEach(System.out::println);
        assertThat(CASES.size() - misses.size()).isGreaterThanOrEqualTo(10);
    }
}
