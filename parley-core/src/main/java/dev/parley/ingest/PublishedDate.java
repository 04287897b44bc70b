package dev.parley.ingest;

import dev.parley.avro.DatePrecision;
import dev.parley.avro.DateSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A publication date as found: the instant (start of the day/month in UTC for coarser precisions), its precision, its rule. */
public record PublishedDate(Instant instant, DatePrecision precision, DateSource source) {

    public PublishedDate {
        instant = instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static PublishedDate day(LocalDate date, DateSource source) {
        return new PublishedDate(date.atStartOfDay(ZoneOffset.UTC).toInstant(), DatePrecision.DAY, source);
    }
}
