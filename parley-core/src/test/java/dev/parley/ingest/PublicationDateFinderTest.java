package dev.parley.ingest;

import dev.parley.avro.DatePrecision;
import dev.parley.avro.DateSource;
import dev.parley.avro.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicationDateFinderTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant FALLBACK = Instant.parse("2026-03-09T08:30:00Z");
    private final PublicationDateFinder finder = new PublicationDateFinder(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-03                    | 2026-03-03T00:00:00Z | DAY",
            "2026-03                       | 2026-03-01T00:00:00Z | MONTH",
            "2026-03-04T09:15:00-06:00     | 2026-03-04T15:15:00Z | INSTANT",
            "2026-03-04T09:15:00.250Z      | 2026-03-04T09:15:00.250Z | INSTANT",
            "2026-03-04T09:15              | 2026-03-04T09:15:00Z | INSTANT",
            "2026-03-04 09:15:30           | 2026-03-04T09:15:30Z | INSTANT",
            "'Sat, 7 Mar 2026 16:40:00 GMT' | 2026-03-07T16:40:00Z | INSTANT",
    })
    void metadataFormats(String raw, String expected, DatePrecision precision) {
        PublishedDate date = finder.find(MetadataDate.stated(raw), "Texto sin fecha.", FALLBACK);
        assertThat(date).isEqualTo(new PublishedDate(Instant.parse(expected), precision, DateSource.METADATA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-31", "2026-13-01", "1799-12-31", "2026-03-12", "yesterday", "03/04/2026",
            "2026-02-30T10:00:00Z"})
    void impossibleStatedMetadataIsRejected(String raw) {
        assertThatThrownBy(() -> finder.find(MetadataDate.stated(raw), "Ottawa, 3 de marzo de 2026.- Texto.", FALLBACK))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_DATE))
                .hasMessageContaining(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-31", "1799-01-01T00:00:00Z", "not a date"})
    void impossibleHarvestedMetadataFallsThroughToTheNextRule(String raw) {
        PublishedDate date = finder.find(MetadataDate.harvested(raw), "Ottawa, 3 de marzo de 2026.- Texto.", FALLBACK);
        assertThat(date).isEqualTo(new PublishedDate(Instant.parse("2026-03-03T00:00:00Z"), DatePrecision.DAY,
                DateSource.DATELINE));
    }

    /** Historical coverage is a stated use: dates back to the floor (1800 by default, configurable) are kept. */
    @ParameterizedTest
    @ValueSource(strings = {"1987-10-19", "1914-06-28", "1800-01-01", "1969-07-20T20:17:00Z"})
    void historicalDatesDownToTheFloorAreKept(String raw) {
        PublishedDate date = finder.find(MetadataDate.stated(raw), "Texto sin fecha.", FALLBACK);
        assertThat(date.source()).isEqualTo(DateSource.METADATA);
        assertThat(date.instant().toString()).startsWith(raw.substring(0, 10));
    }

    @Test
    void theFloorIsConfigurable() {
        PublicationDateFinder since1990 = new PublicationDateFinder(Clock.fixed(NOW, ZoneOffset.UTC),
                java.time.LocalDate.of(1990, 1, 1));
        assertThatThrownBy(() -> since1990.find(MetadataDate.stated("1987-10-19"), "x", FALLBACK))
                .hasMessageContaining("before 1990-01-01");
        assertThat(since1990.find(MetadataDate.stated("1990-01-01"), "x", FALLBACK).source())
                .isEqualTo(DateSource.METADATA);
        // A dateline before the floor is skipped, not believed: the next rule dates the article.
        assertThat(since1990.find(null, "Ottawa, 3 de marzo de 1987.- Texto.", FALLBACK).source())
                .isEqualTo(DateSource.FALLBACK);
        assertThat(finder.find(null, "Ottawa, 3 de marzo de 1987.- Texto.", FALLBACK).source())
                .isEqualTo(DateSource.DATELINE);
    }

    @Test
    void tomorrowIsStillPlausibleButTheDayAfterIsNot() {
        assertThat(finder.find(MetadataDate.stated("2026-03-11"), "x", FALLBACK).source()).isEqualTo(DateSource.METADATA);
        assertThatThrownBy(() -> finder.find(MetadataDate.stated("2026-03-12"), "x", FALLBACK))
                .isInstanceOf(IngestException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ciudad de México, a 15 de enero de 2026.- Como seguimiento a la llamada | 2026-01-15",
            "Ottawa, 3 de marzo de 2026.- El canciller llegó | 2026-03-03",
            "MONTERREY, 1 de febrero del 2026 (Agencia).- Texto | 2026-02-01",
            "Madrid, 9 de sept. de 2025.- Texto | 2025-09-09",
            "WASHINGTON, March 3, 2026 — The Secretary | 2026-03-03",
            "Washington, D.C., Feb. 27, 2026 - The two | 2026-02-27",
            "MEXICO CITY (Wire), January 5, 2026 — Text | 2026-01-05",
            "Ciudad de México, jueves 15 de enero de 2026.- Texto | 2026-01-15",
            "OTTAWA, Tuesday, March 3, 2026 — Text | 2026-03-03",
    })
    void datelines(String body, String expected) {
        assertThat(finder.find(null, body, FALLBACK)).isEqualTo(
                PublishedDate.day(java.time.LocalDate.parse(expected), DateSource.DATELINE));
    }

    @Test
    void datelineMayFollowAHeadlineButNotAppearLaterInTheText() {
        String afterHeadline = "Acuerdo migratorio\n\nOttawa, 3 de marzo de 2026.- Texto del artículo.";
        assertThat(finder.find(null, afterHeadline, FALLBACK).source()).isEqualTo(DateSource.DATELINE);

        String deep = "Uno.\n\nDos.\n\nTres.\n\nOttawa, 3 de marzo de 2026.- Texto del artículo.";
        assertThat(finder.find(null, deep, FALLBACK).source()).isEqualTo(DateSource.FALLBACK);

        String midSentence = "El encuentro en Ottawa, 3 de marzo de 2026.- fue breve.";
        assertThat(finder.find(null, midSentence, FALLBACK).source()).isEqualTo(DateSource.FALLBACK);
    }

    @Test
    void impossibleDatelineIsSkipped() {
        String body = "Ottawa, 31 de febrero de 2026.- Texto.\n\n— Alguien (@alguien) March 2, 2026";
        assertThat(finder.find(null, body, FALLBACK)).isEqualTo(
                PublishedDate.day(java.time.LocalDate.of(2026, 3, 2), DateSource.EMBEDDED_POST));
    }

    @Test
    void newestEmbeddedPostWinsInBothLanguages() {
        String body = """
                Primer párrafo.

                Mensaje uno. — Cancillería (@Cancilleria) March 2, 2026

                Mensaje dos. — Ministra Ejemplo (@ministra) 4 de marzo de 2026

                Mensaje tres. — Otra Cuenta (@otra) Feb 28, 2026
                """;
        assertThat(finder.find(null, body, FALLBACK)).isEqualTo(
                PublishedDate.day(java.time.LocalDate.of(2026, 3, 4), DateSource.EMBEDDED_POST));
    }

    @Test
    void embeddedPostsInTheFutureOrWithoutAHandleDoNotCount() {
        String body = """
                Texto.

                — Cuenta (@cuenta) December 24, 2026

                — Sin handle March 1, 2026

                — Cuenta (@cuenta) March 1, 2026
                """;
        assertThat(finder.find(null, body, FALLBACK)).isEqualTo(
                PublishedDate.day(java.time.LocalDate.of(2026, 3, 1), DateSource.EMBEDDED_POST));
    }

    @Test
    void nothingFoundUsesTheFallbackInstant() {
        assertThat(finder.find(null, "Un texto que menciona el 3 de marzo de 2026 sin dateline.", FALLBACK))
                .isEqualTo(new PublishedDate(FALLBACK, DatePrecision.INSTANT, DateSource.FALLBACK));
    }

    @Test
    void metadataBeatsDatelineAndDatelineBeatsEmbeddedPosts() {
        String body = "Ottawa, 3 de marzo de 2026.- Texto.\n\n— Cuenta (@cuenta) March 5, 2026";
        assertThat(finder.find(MetadataDate.stated("2026-03-06"), body, FALLBACK).source()).isEqualTo(DateSource.METADATA);
        assertThat(finder.find(null, body, FALLBACK)).isEqualTo(
                PublishedDate.day(java.time.LocalDate.of(2026, 3, 3), DateSource.DATELINE));
    }
}
