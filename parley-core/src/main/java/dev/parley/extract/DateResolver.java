package dev.parley.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds date expressions in Spanish and English text and resolves them against a reference date (the article's
 * publication date): absolute dates, weekday references, today/yesterday/tomorrow, months and vague week spans.
 * Month and weekday words come from parley/dates.json.
 */
public final class DateResolver {

    /** A date expression found in text; relative ones depend on the reference date. */
    public record DateMention(Span span, ResolvedDate date, boolean relative) {
    }

    private final Map<String, Integer> months;
    private final Map<String, Integer> weekdays;
    private final List<Rule> rules = new ArrayList<>();

    private interface Resolver {
        Optional<ResolvedDate> resolve(Matcher m, LocalDate reference, boolean future);
    }

    private record Rule(Pattern pattern, boolean relative, Resolver resolver) {
    }

    public DateResolver(InputStream datesJson) {
        try {
            JsonNode root = new ObjectMapper().readTree(datesJson);
            months = toMap(root.get("months"));
            weekdays = toMap(root.get("weekdays"));
            String month = alternation(months.keySet());
            String weekday = alternation(weekdays.keySet());
            String future = alternation(strings(root.get("futureMarkers")));
            String past = alternation(strings(root.get("pastMarkers")));
            String monthPrefix = alternation(strings(root.get("monthPrefixes")));

            rules.add(new Rule(Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])"), false,
                    (m, ref, fut) -> safe(() -> LocalDate.of(num(m, 1), num(m, 2), num(m, 3))).map(ResolvedDate::day)));
            // "el próximo viernes 23 de enero", "el domingo 11 de enero", "el día 23 de enero de 2026"
            rules.add(new Rule(Folding.wordPattern("(?:(?:el|este|esta|el " + future + "|el " + past + "|" + future + "|"
                    + past + ")\\s+)?(?:(?:" + weekday + ")\\s+)?(?:(?:el\\s+)?dia\\s+)?(\\d{1,2})\\s+de\\s+(" + month
                    + ")(?:\\s+(?:de|del)\\s+(\\d{4}))?"), false,
                    (m, ref, fut) -> dayMonth(num(m, 1), months.get(m.group(2)), m.group(3), ref)));
            // "January 16, 2026", "Jan. 16"
            rules.add(new Rule(Folding.wordPattern("(?:(?:" + weekday + "),?\\s+)?(" + month + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?"), false,
                    (m, ref, fut) -> dayMonth(num(m, 2), months.get(m.group(1)), m.group(3), ref)));
            // "16 January 2026"
            rules.add(new Rule(Folding.wordPattern("(\\d{1,2})\\s+(" + month + ")(?:,?\\s+(\\d{4}))?"), false,
                    (m, ref, fut) -> dayMonth(num(m, 1), months.get(m.group(2)), m.group(3), ref)));
            // weekday references
            rules.add(new Rule(Folding.wordPattern("(?:(este|esta|this|el|on|" + future + "|el " + future + "|el " + past + "|" + past + ")\\s+)?("
                    + weekday + ")(?:\\s+(" + future + "|" + past + "))?"), true,
                    (m, ref, fut) -> Optional.of(ResolvedDate.day(weekday(m.group(1), weekdays.get(m.group(2)), m.group(3), ref, fut)))));
            addPhrases(root.get("today"), 0, DatePrecision.DAY);
            addPhrases(root.get("yesterday"), -1, DatePrecision.DAY);
            rules.add(new Rule(Folding.wordPattern("(?<!la |esta |por la |de la |en la )(?:manana|tomorrow)"), true,
                    (m, ref, fut) -> Optional.of(ResolvedDate.day(ref.plusDays(1)))));
            rules.add(new Rule(Folding.wordPattern("esta manana|this morning"), true,
                    (m, ref, fut) -> Optional.of(ResolvedDate.day(ref))));
            // "last December", "el pasado diciembre", "en diciembre pasado", "next May": the marker says which side
            // of the paper's month, where the nearest month would take this year's for "last March" in March.
            Set<String> pastWords = new HashSet<>(strings(root.get("pastMarkers")));
            rules.add(new Rule(Folding.wordPattern("(?:el\\s+)?(" + past + "|" + future + ")\\s+(?:mes\\s+de\\s+)?("
                    + month + ")(?!\\s+(?:de\\s+)?\\d)"), true,
                    (m, ref, fut) -> markedMonth(months.get(m.group(2)), pastWords.contains(m.group(1)), ref)));
            rules.add(new Rule(Folding.wordPattern("(" + month + ")\\s+(" + past + "|" + future + ")"), true,
                    (m, ref, fut) -> markedMonth(months.get(m.group(1)), pastWords.contains(m.group(2)), ref)));
            addWeekPhrases(root.get("lastWeek"), ref -> ref.minusWeeks(1));
            addWeekPhrases(root.get("pastSevenDays"), ref -> ref.minusDays(6));
            addWeekPhrases(root.get("nextWeek"), ref -> ref.plusWeeks(1));
            addWeekPhrases(root.get("thisWeek"), ref -> ref);
            // "at the weekend", "el fin de semana": the Saturday and Sunday before the report, as their week.
            addWeekPhrases(root.get("weekend"), ref -> ref.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY)));
            // "last month", "el año pasado": the whole previous month or year, as the text gives no finer date.
            addPeriodPhrases(root.get("lastMonth"), ref -> new ResolvedDate(ref.minusMonths(1), DatePrecision.MONTH));
            addPeriodPhrases(root.get("lastYear"), ref -> new ResolvedDate(ref.minusYears(1), DatePrecision.YEAR));
            // "en febrero", "durante el mes de febrero", "February 2026"
            rules.add(new Rule(Folding.wordPattern("(?:(?:" + monthPrefix + ")\\s+)(" + month + ")(?:\\s+(?:de\\s+|del\\s+)?(\\d{4}))?"), true,
                    (m, ref, fut) -> monthOnly(months.get(m.group(1)), m.group(2), ref)));
            rules.add(new Rule(Folding.wordPattern("(" + month + ")\\s+(?:de\\s+|of\\s+)?(\\d{4})"), false,
                    (m, ref, fut) -> monthOnly(months.get(m.group(1)), m.group(2), ref)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DateResolver loadDefault() {
        return new DateResolver(Resources.open("parley/dates.json"));
    }

    /** All date expressions in text, left to right, longest first where they overlap. */
    public List<DateMention> findAll(String text, LocalDate reference) {
        return findAll(text, reference, false);
    }

    /**
     * @param future the text speaks of what will happen (an agreed meeting): a bare "el martes" is the next one
     */
    public List<DateMention> findAll(String text, LocalDate reference, boolean future) {
        String folded = Folding.fold(text);
        List<DateMention> found = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher m = rule.pattern.matcher(folded);
            while (m.find()) {
                Span span = new Span(m.start(), m.end());
                if (found.stream().anyMatch(d -> d.span().start() < span.end() && span.start() < d.span().end())) {
                    continue;
                }
                Optional<ResolvedDate> date = rule.resolver.resolve(m, reference, future);
                date.ifPresent(d -> found.add(new DateMention(span, d, rule.relative)));
            }
        }
        found.sort(Comparator.comparing(DateMention::span));
        return found;
    }

    /** The first date expression of a phrase, for tests and callers with one expression. */
    public Optional<ResolvedDate> resolve(String phrase, LocalDate reference) {
        return findAll(phrase, reference).stream().findFirst().map(DateMention::date);
    }

    private void addPhrases(JsonNode phrases, int offsetDays, DatePrecision precision) {
        for (String p : strings(phrases)) {
            rules.add(new Rule(Folding.literalPattern(p), true,
                    (m, ref, fut) -> Optional.of(new ResolvedDate(ref.plusDays(offsetDays), precision))));
        }
    }

    private void addPeriodPhrases(JsonNode phrases, java.util.function.Function<LocalDate, ResolvedDate> period) {
        if (phrases == null) {
            return;
        }
        List<String> sorted = new ArrayList<>(strings(phrases));
        sorted.sort(Comparator.comparing(String::length).reversed());
        for (String p : sorted) {
            rules.add(new Rule(Folding.literalPattern(p), true, (m, ref, fut) -> Optional.of(period.apply(ref))));
        }
    }

    private void addWeekPhrases(JsonNode phrases, java.util.function.UnaryOperator<LocalDate> shift) {
        List<String> sorted = new ArrayList<>(strings(phrases));
        sorted.sort(Comparator.comparing(String::length).reversed());
        for (String p : sorted) {
            rules.add(new Rule(Folding.literalPattern(p), true,
                    (m, ref, fut) -> Optional.of(new ResolvedDate(shift.apply(ref), DatePrecision.WEEK))));
        }
    }

    private static LocalDate weekday(String before, int dow, String after, LocalDate ref, boolean future) {
        String marker = ((before == null ? "" : before) + " " + (after == null ? "" : after)).strip();
        DayOfWeek day = DayOfWeek.of(dow);
        LocalDate previous = ref.with(TemporalAdjusters.previousOrSame(day));
        LocalDate next = ref.with(TemporalAdjusters.nextOrSame(day));
        if (marker.matches(".*\\b(proximo|next|coming|entrante|siguiente)\\b.*")) {
            return ref.with(TemporalAdjusters.next(day));
        }
        if (marker.matches(".*\\b(pasado|last|previous)\\b.*")) {
            return ref.with(TemporalAdjusters.previous(day));
        }
        if (marker.matches("este|esta|this")) {
            // News usage: "este domingo" in a Monday paper is yesterday; take the nearer one, the past on a tie.
            long back = ChronoUnit.DAYS.between(previous, ref);
            long ahead = ChronoUnit.DAYS.between(ref, next);
            return ahead < back ? next : previous;
        }
        // A bare "el lunes" in a report is the last one; in a plan, the next one.
        return future ? ref.with(TemporalAdjusters.next(day)) : previous;
    }

    private static Optional<ResolvedDate> dayMonth(int day, Integer month, String year, LocalDate ref) {
        if (month == null) {
            return Optional.empty();
        }
        if (year != null) {
            return safe(() -> LocalDate.of(Integer.parseInt(year), month, day)).map(ResolvedDate::day);
        }
        // Without a year, the candidate nearest the reference date (a January paper's "28 de diciembre" is last year).
        return java.util.stream.IntStream.of(ref.getYear() - 1, ref.getYear(), ref.getYear() + 1).boxed()
                .map(y -> safe(() -> LocalDate.of(y, month, day)))
                .flatMap(Optional::stream)
                .min(Comparator.comparing(d -> Math.abs(ChronoUnit.DAYS.between(ref, d))))
                .map(ResolvedDate::day);
    }

    private static Optional<ResolvedDate> markedMonth(Integer month, boolean past, LocalDate ref) {
        if (month == null) {
            return Optional.empty();
        }
        int year = past ? (month < ref.getMonthValue() ? ref.getYear() : ref.getYear() - 1)
                : (month > ref.getMonthValue() ? ref.getYear() : ref.getYear() + 1);
        return Optional.of(new ResolvedDate(LocalDate.of(year, month, 1), DatePrecision.MONTH));
    }

    private static Optional<ResolvedDate> monthOnly(Integer month, String year, LocalDate ref) {
        if (month == null) {
            return Optional.empty();
        }
        if (year != null) {
            return Optional.of(new ResolvedDate(LocalDate.of(Integer.parseInt(year), month, 1), DatePrecision.MONTH));
        }
        return java.util.stream.IntStream.of(ref.getYear() - 1, ref.getYear(), ref.getYear() + 1).boxed()
                .map(y -> LocalDate.of(y, month, 15))
                .min(Comparator.comparing(d -> Math.abs(ChronoUnit.DAYS.between(ref, d))))
                .map(d -> new ResolvedDate(d, DatePrecision.MONTH));
    }

    private static Optional<LocalDate> safe(java.util.function.Supplier<LocalDate> s) {
        try {
            return Optional.of(s.get());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static Map<String, Integer> toMap(JsonNode node) {
        Map<String, Integer> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(Folding.fold(e.getKey()), e.getValue().asInt()));
        return map;
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static String alternation(java.util.Collection<String> words) {
        return "(?:" + String.join("|", words.stream().map(Folding::fold)
                .sorted(Comparator.comparing(String::length).reversed())
                .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q")).toList()) + ")";
    }
}
