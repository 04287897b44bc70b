package dev.parley.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DateResolverTest {

    private static final DateResolver RESOLVER = DateResolver.loadDefault();

    @ParameterizedTest(name = "{0} @ {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            // absolute, Spanish and English
            "conversaron el 11 de enero                          | 2026-01-11 | 2026-01-11 | DAY",
            "Ciudad de México, a 15 de enero de 2026.-           | 2026-01-15 | 2026-01-15 | DAY",
            "the two ministers met on January 16, 2026           | 2026-01-20 | 2026-01-16 | DAY",
            "— Embajador (@USAmbMex) January 16, 2026            | 2026-01-16 | 2026-01-16 | DAY",
            "signed on 3 March 2026 in Ottawa                    | 2026-03-05 | 2026-03-03 | DAY",
            "un informe del 28 de diciembre                      | 2026-01-05 | 2025-12-28 | DAY",
            // weekday references against the publication date
            "conversaron este jueves por teléfono                | 2026-01-16 | 2026-01-15 | DAY",
            "este jueves se realizó un diálogo                   | 2026-01-15 | 2026-01-15 | DAY",
            "dialogó este domingo vía telefónica                 | 2026-01-12 | 2026-01-11 | DAY",
            "la llamada sostenida el lunes                       | 2026-01-15 | 2026-01-12 | DAY",
            "conversaron este domingo 11 de enero                | 2026-01-11 | 2026-01-11 | DAY",
            "la reunión será el próximo viernes 23 de enero      | 2026-01-15 | 2026-01-23 | DAY",
            "se reunirán el próximo martes                       | 2026-03-05 | 2026-03-10 | DAY",
            "en su conferencia del pasado viernes                | 2026-01-12 | 2026-01-09 | DAY",
            "they spoke on Tuesday                               | 2026-03-05 | 2026-03-03 | DAY",
            "next Monday the delegation travels                  | 2026-03-05 | 2026-03-09 | DAY",
            "hoy el canciller sostuvo una llamada                | 2026-01-11 | 2026-01-11 | DAY",
            "ayer se reunieron                                   | 2026-01-11 | 2026-01-10 | DAY",
            "yesterday the minister said                         | 2026-03-04 | 2026-03-03 | DAY",
            // months
            "convocar una reunión en febrero                     | 2026-01-15 | 2026-02-01 | MONTH",
            "durante el mes de febrero                           | 2026-01-15 | 2026-02-01 | MONTH",
            "para el mes de febrero                              | 2026-01-16 | 2026-02-01 | MONTH",
            "a summit in April                                   | 2026-03-05 | 2026-04-01 | MONTH",
            "the review due in February 2027                     | 2026-03-05 | 2027-02-01 | MONTH",
            // vague spans
            "dijo la semana pasada                               | 2026-01-12 | 2026-01-05 | WEEK",
            "en la última semana, Trump ha insistido             | 2026-01-11 | 2026-01-05 | WEEK",
            "a principios de esta semana                         | 2026-01-16 | 2026-01-12 | WEEK",
            "earlier this week the ministers spoke               | 2026-03-06 | 2026-03-02 | WEEK",
            "last week the president warned                      | 2026-03-06 | 2026-02-23 | WEEK",
            "la próxima semana                                   | 2026-03-06 | 2026-03-09 | WEEK",
    })
    void resolves(String sentence, LocalDate published, LocalDate expected, DatePrecision precision) {
        assertThat(RESOLVER.resolve(sentence, published)).contains(new ResolvedDate(expected, precision));
    }

    @Test
    void wordsThatOnlyLookLikeDatesAreNotDates() {
        LocalDate ref = LocalDate.of(2026, 1, 15);
        assertThat(RESOLVER.resolve("the parties may agree on a plan", ref)).isEmpty();
        assertThat(RESOLVER.resolve("esta mañana el canciller habló", ref)).contains(ResolvedDate.day(ref));
        assertThat(RESOLVER.resolve("por la mañana hubo reuniones", ref)).isEmpty();
        assertThat(RESOLVER.resolve("marzo", ref)).isEmpty();
    }

    @Test
    void lastMonthAndLastYearAreTheWholePreviousPeriod() {
        LocalDate ref = LocalDate.of(1987, 3, 13);
        assertThat(RESOLVER.resolve("Washington signed an accord with Taipei last year", ref))
                .contains(new ResolvedDate(LocalDate.of(1986, 1, 1), DatePrecision.YEAR));
        assertThat(RESOLVER.resolve("firmaron el año pasado un acuerdo", ref))
                .contains(new ResolvedDate(LocalDate.of(1986, 1, 1), DatePrecision.YEAR));
        assertThat(RESOLVER.resolve("talks held last month in Paris", ref))
                .contains(new ResolvedDate(LocalDate.of(1987, 2, 1), DatePrecision.MONTH));
        assertThat(RESOLVER.resolve("se reunieron el mes pasado", ref).orElseThrow().last())
                .isEqualTo(LocalDate.of(1987, 2, 28));
    }

    @Test
    void aMonthWithAPastOrFutureMarkerIsTheOneOnThatSideOfThePapersMonth() {
        LocalDate ref = LocalDate.of(1987, 3, 13);
        assertThat(RESOLVER.resolve("the two countries agreed last December to the charge", ref))
                .contains(new ResolvedDate(LocalDate.of(1986, 12, 1), DatePrecision.MONTH));
        assertThat(RESOLVER.resolve("acordaron en diciembre pasado reducir el arancel", ref))
                .contains(new ResolvedDate(LocalDate.of(1986, 12, 1), DatePrecision.MONTH));
        // The paper's own month, marked past, is last year's; "el pasado mes de" is not "el mes pasado".
        assertThat(RESOLVER.resolve("firmaron el pasado mes de marzo un acuerdo", ref))
                .contains(new ResolvedDate(LocalDate.of(1986, 3, 1), DatePrecision.MONTH));
        assertThat(RESOLVER.resolve("talks are due next February", ref))
                .contains(new ResolvedDate(LocalDate.of(1988, 2, 1), DatePrecision.MONTH));
        assertThat(RESOLVER.resolve("el próximo mayo", ref))
                .contains(new ResolvedDate(LocalDate.of(1987, 5, 1), DatePrecision.MONTH));
    }

    @Test
    void absoluteDateWithWeekdayIsOneExpression() {
        var found = RESOLVER.findAll("El domingo 11 de enero, ambos funcionarios", LocalDate.of(2026, 1, 16));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).relative()).isFalse();
        assertThat(found.get(0).date()).isEqualTo(ResolvedDate.day(LocalDate.of(2026, 1, 11)));
    }

    @Test
    void periodsNormaliseToTheirStartAndContainTheirDays() {
        ResolvedDate week = new ResolvedDate(LocalDate.of(2026, 1, 8), DatePrecision.WEEK);
        assertThat(week.date()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(week.compatibleWith(ResolvedDate.day(LocalDate.of(2026, 1, 11)))).isTrue();
        assertThat(week.compatibleWith(ResolvedDate.day(LocalDate.of(2026, 1, 12)))).isFalse();
        ResolvedDate month = new ResolvedDate(LocalDate.of(2026, 2, 20), DatePrecision.MONTH);
        assertThat(month.toString()).isEqualTo("2026-02");
        assertThat(month.compatibleWith(ResolvedDate.day(LocalDate.of(2026, 1, 23)))).isFalse();
    }
}
