package dev.parley.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A date with its precision. The stored date is normalised to the start of its period (WEEK: Monday, MONTH: the
 * 1st, YEAR: 1 January), as in the Avro DatePrecision contract.
 */
public record ResolvedDate(LocalDate date, DatePrecision precision) implements Comparable<ResolvedDate> {

    public ResolvedDate {
        date = switch (precision) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    public static ResolvedDate day(LocalDate d) {
        return new ResolvedDate(d, DatePrecision.DAY);
    }

    public LocalDate first() {
        return date;
    }

    public LocalDate last() {
        return switch (precision) {
            case DAY -> date;
            case WEEK -> date.plusDays(6);
            case MONTH -> date.plusMonths(1).minusDays(1);
            case YEAR -> date.plusYears(1).minusDays(1);
        };
    }

    /** Two dates can name the same day: one period contains the other. */
    public boolean compatibleWith(ResolvedDate other) {
        return !other.last().isBefore(first()) && !other.first().isAfter(last())
                && (contains(other) || other.contains(this));
    }

    public boolean contains(ResolvedDate other) {
        return !other.first().isBefore(first()) && !other.last().isAfter(last());
    }

    @Override
    public int compareTo(ResolvedDate o) {
        int c = date.compareTo(o.date);
        return c != 0 ? c : precision.compareTo(o.precision);
    }

    @Override
    public String toString() {
        return switch (precision) {
            case DAY -> date.toString();
            case WEEK -> "week of " + date;
            case MONTH -> date.toString().substring(0, 7);
            case YEAR -> String.valueOf(date.getYear());
        };
    }
}
