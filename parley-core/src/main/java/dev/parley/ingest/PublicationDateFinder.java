package dev.parley.ingest;

import dev.parley.avro.DatePrecision;
import dev.parley.avro.DateSource;
import dev.parley.avro.RejectReason;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates an article, first rule that applies wins:
 * <ol>
 *   <li>METADATA: a date the input states (text header, JSON field, HTML meta tag, feed entry date);</li>
 *   <li>DATELINE: a dateline opening one of the first paragraphs, Spanish ("Ciudad de México, a 15 de enero de
 *   2026.-") or English ("WASHINGTON, March 3, 2026 —");</li>
 *   <li>EMBEDDED_POST: the newest date among embedded social posts ("— Name (@handle) January 16, 2026", or
 *   "16 de enero de 2026"): an article cannot predate the posts it quotes;</li>
 *   <li>FALLBACK: the given fallback instant (a file's modification time, or the ingestion clock).</li>
 * </ol>
 * A date is plausible from the earliest date (default 1800-01-01, {@code parley.ingest.earliest.date}: historical
 * archives are a stated use) until one day after the clock. An implausible or unparseable date found in
 * the text is skipped. For metadata see {@link MetadataDate#stated()}: a stated bad date is rejected with
 * INVALID_DATE, a harvested one is ignored.
 */
public final class PublicationDateFinder {

    public static final LocalDate DEFAULT_EARLIEST = LocalDate.of(1800, 1, 1);
    private static final int DATELINE_PARAGRAPHS = 3;

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

    private final Clock clock;
    private final LocalDate earliest;
    private final MonthNames months;
    private final Pattern spanishDateline;
    private final Pattern englishDateline;
    private final Pattern embeddedPost;

    public PublicationDateFinder(Clock clock) {
        this(clock, DEFAULT_EARLIEST);
    }

    public PublicationDateFinder(Clock clock, LocalDate earliest) {
        this(clock, earliest, MonthNames.load());
    }

    PublicationDateFinder(Clock clock, MonthNames months) {
        this(clock, DEFAULT_EARLIEST, months);
    }

    PublicationDateFinder(Clock clock, LocalDate earliest, MonthNames months) {
        this.clock = clock;
        this.earliest = earliest;
        this.months = months;
        String month = "(?iu:" + months.alternation() + ")";
        // A place is capitalised words, joined by lower-case connectives ("Ciudad de México", "Washington, D.C.",
        // "MEXICO CITY (Wire)"), so that an ordinary sentence mentioning a place and a date is not a dateline.
        String word = "\\p{Lu}[\\p{L}\\p{M}.'’-]*";
        String name = word + "(?:\\s+(?:(?:de|del|la|las|los|el|y|of|the|upon|on)\\s+)*" + word + "){0,4}";
        String place = name + "(?:,\\s*" + name + ")?(?:\\s*\\([^)\\n]{1,40}\\))?";
        String end = "\\s*(?:\\([^)\\n]{1,40}\\))?\\s*\\.?\\s*[-–—:]";
        this.spanishDateline = Pattern.compile("\\s*" + place + ",\\s+(?:a\\s+)?(?:\\p{L}+,?\\s+)?(?<day>\\d{1,2})\\s+de\\s+(?<month>"
                + month + ")\\.?\\s+(?:del?\\s+)?(?<year>\\d{4})" + end);
        this.englishDateline = Pattern.compile("\\s*" + place + ",\\s+(?:\\p{L}+,?\\s+)?(?<month>" + month
                + ")\\.?\\s+(?<day>\\d{1,2}),?\\s+(?<year>\\d{4})" + end);
        this.embeddedPost = Pattern.compile("(?:^|\\s)[-–—]{1,2}\\s*[^\\n()—–]{1,80}?\\s*\\(@\\w{1,30}\\)\\s+"
                + "(?:(?<month1>" + month + ")\\.?\\s+(?<day1>\\d{1,2}),?\\s+(?<year1>\\d{4})"
                + "|(?<day2>\\d{1,2})\\s+(?:de\\s+)?(?<month2>" + month + ")\\.?,?\\s+(?:de\\s+)?(?<year2>\\d{4}))",
                Pattern.MULTILINE);
    }

    /**
     * @param metadata the date the input states, or null
     * @param body     the article body (paragraphs separated by blank lines)
     * @param fallback the instant used when nothing dates the article
     * @throws IngestException INVALID_DATE when a stated metadata date is unparseable or implausible
     */
    public PublishedDate find(MetadataDate metadata, String body, Instant fallback) {
        if (metadata != null) {
            Optional<PublishedDate> fromMetadata = parseMetadata(metadata);
            if (fromMetadata.isPresent()) {
                return fromMetadata.get();
            }
        }
        return dateline(body)
                .or(() -> newestEmbeddedPost(body))
                .orElseGet(() -> new PublishedDate(fallback, DatePrecision.INSTANT, DateSource.FALLBACK));
    }

    Optional<PublishedDate> parseMetadata(MetadataDate metadata) {
        String problem;
        try {
            PublishedDate date = parse(metadata.raw());
            if (isPlausible(date.instant())) {
                return Optional.of(date);
            }
            problem = "implausible date '" + metadata.raw() + "' (before " + earliest + " or in the future)";
        } catch (DateTimeException e) {
            problem = "invalid date '" + metadata.raw() + "' (expected ISO 8601 such as 2026-03-03 or "
                    + "2026-03-03T10:15:00Z, or RFC 1123)";
        }
        if (metadata.stated()) {
            throw new IngestException(RejectReason.INVALID_DATE, problem);
        }
        return Optional.empty();
    }

    Optional<PublishedDate> dateline(String body) {
        List<String> paragraphs = body.strip().lines().filter(l -> !l.isBlank()).limit(DATELINE_PARAGRAPHS).toList();
        for (String paragraph : paragraphs) {
            for (Pattern pattern : List.of(spanishDateline, englishDateline)) {
                Matcher m = pattern.matcher(paragraph);
                if (m.lookingAt()) {
                    Optional<LocalDate> date = date(m.group("year"), m.group("month"), m.group("day"));
                    if (date.isPresent()) {
                        return Optional.of(PublishedDate.day(date.get(), DateSource.DATELINE));
                    }
                }
            }
        }
        return Optional.empty();
    }

    Optional<PublishedDate> newestEmbeddedPost(String body) {
        Matcher m = embeddedPost.matcher(body);
        Optional<LocalDate> newest = Optional.empty();
        while (m.find()) {
            Optional<LocalDate> date = m.group("year1") != null
                    ? date(m.group("year1"), m.group("month1"), m.group("day1"))
                    : date(m.group("year2"), m.group("month2"), m.group("day2"));
            if (date.isPresent() && (newest.isEmpty() || date.get().isAfter(newest.get()))) {
                newest = date;
            }
        }
        return newest.map(d -> PublishedDate.day(d, DateSource.EMBEDDED_POST));
    }

    private Optional<LocalDate> date(String year, String monthName, String day) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), months.number(monthName), Integer.parseInt(day));
            return isPlausible(date.atStartOfDay(ZoneOffset.UTC).toInstant()) ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private boolean isPlausible(Instant instant) {
        return !instant.isBefore(earliest.atStartOfDay(ZoneOffset.UTC).toInstant())
                && !instant.isAfter(clock.instant().plus(Duration.ofDays(1)));
    }

    private static PublishedDate parse(String raw) {
        String s = raw.strip();
        if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return PublishedDate.day(LocalDate.parse(s, ISO_DATE), DateSource.METADATA);
        }
        if (s.matches("\\d{4}-\\d{2}")) {
            Instant start = YearMonth.parse(s, ISO_MONTH).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return new PublishedDate(start, DatePrecision.MONTH, DateSource.METADATA);
        }
        if (LOCAL_DATE_TIME.matcher(s).matches()) {
            // No zone given: read as UTC, the zone of every Parley timestamp.
            LocalDateTime local = LocalDateTime.parse(s.replace(' ', 'T'));
            return new PublishedDate(local.toInstant(ZoneOffset.UTC), DatePrecision.INSTANT, DateSource.METADATA);
        }
        if (Character.isDigit(s.charAt(0))) {
            return new PublishedDate(OffsetDateTime.parse(s.replace(' ', 'T')).toInstant(), DatePrecision.INSTANT,
                    DateSource.METADATA);
        }
        return new PublishedDate(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
                DatePrecision.INSTANT, DateSource.METADATA);
    }
}
