package dev.parley.api;

import dev.parley.views.DyadStates;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of the read endpoints, checked: a value the API cannot mean is a 400 naming the parameter,
 * never an empty answer or a server error.
 */
final class QueryParams {

    /** Earliest and latest day a date parameter may name: the ingest floor's range, with room on both sides. */
    static final LocalDate EARLIEST = LocalDate.of(1000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    static final int MAX_LIMIT = 10_000;

    private QueryParams() {
    }

    /** {@code YYYY-MM-DD} between {@link #EARLIEST} and {@link #LATEST}, or null when absent. */
    static LocalDate date(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date YYYY-MM-DD, not '" + value + "'");
        }
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw new IllegalArgumentException(name + " must be between " + EARLIEST + " and " + LATEST + ", not " + value);
        }
        return day;
    }

    /** One of the allowed values (case-insensitive), upper-cased, or null when absent. */
    static String oneOf(Context ctx, String name, Set<String> allowed) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw new IllegalArgumentException(name + " must be one of " + new java.util.TreeSet<>(allowed) + ", not '"
                    + value + "'");
        }
        return upper;
    }

    /** A dyad in either order ({@code MX-US} or {@code us-mx}), as stored (sorted codes), or null when absent. */
    static String dyad(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : dyad(value, name);
    }

    static String dyad(String value, String what) {
        return DyadStates.normalise(value).orElseThrow(() -> new IllegalArgumentException(what + " must be two ISO "
                + "3166 alpha-2 codes joined by '-', e.g. MX-US, not '" + value + "'"));
    }

    /** {@code ?limit=&offset=}: at most {@value #MAX_LIMIT} items from the offset; no limit given: all of them. */
    record Page(int offset, Optional<Integer> limit) {
        <T> List<T> of(List<T> items) {
            int from = Math.min(offset, items.size());
            int to = limit.map(l -> (int) Math.min((long) from + l, items.size())).orElse(items.size());
            return items.subList(from, to);
        }
    }

    static Page page(Context ctx) {
        int offset = whole(ctx, "offset", 0, Integer.MAX_VALUE).orElse(0);
        return new Page(offset, whole(ctx, "limit", 1, MAX_LIMIT));
    }

    /** A partition number of an internal read: required, 0 or more. */
    static int partition(String value) {
        try {
            int partition = Integer.parseInt(value == null ? "" : value.strip());
            if (partition >= 0) {
                return partition;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(value == null ? "partition is required"
                : "partition must be a whole number from 0, not '" + value + "'");
    }

    private static Optional<Integer> whole(Context ctx, String name, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not '"
                + value + "'");
    }
}
