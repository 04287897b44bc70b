package dev.parley.extract.actors;

import dev.parley.extract.Resources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holders of the highest offices (parley/world/people.tsv), for a person the text names without saying whose they
 * are. A full name is that person at any date ("Fidel Castro" in a 2013 story); a bare surname only during or near
 * a term, and only when every holder it could be serves one country. Immutable and thread-safe.
 */
public final class KnownPeople {

    static final String SHIPPED = "parley/world/people.tsv";
    /** A surname stays readable for a while after the term: "Baker" a month after he left the Treasury. */
    private static final long SURNAME_MARGIN_DAYS = 365;

    /** One term in one office; {@code to} null while in office. */
    public record Holder(String country, String role, String name, LocalDate from, LocalDate to) {

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }

        long distanceTo(LocalDate date) {
            if (covers(date)) {
                return 0;
            }
            return date.isBefore(from) ? ChronoUnit.DAYS.between(date, from)
                    : ChronoUnit.DAYS.between(to, date);
        }
    }

    /** Knows nobody: people are read from the text alone. */
    public static final KnownPeople NONE = new KnownPeople(Map.of(), Map.of());

    private static volatile KnownPeople shipped;

    private final Map<String, List<Holder>> byName;
    private final Map<String, List<Holder>> bySurname;

    private KnownPeople(Map<String, List<Holder>> byName, Map<String, List<Holder>> bySurname) {
        this.byName = byName;
        this.bySurname = bySurname;
    }

    public static KnownPeople loadDefault() {
        KnownPeople k = shipped;
        if (k == null) {
            synchronized (KnownPeople.class) {
                if (shipped == null) {
                    try (var in = new BufferedReader(new InputStreamReader(Resources.open(SHIPPED),
                            StandardCharsets.UTF_8))) {
                        shipped = parse(in.lines().toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                k = shipped;
            }
        }
        return k;
    }

    static KnownPeople parse(List<String> lines) {
        Map<String, List<Holder>> byName = new HashMap<>();
        Map<String, List<Holder>> bySurname = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(SHIPPED + ": expected 6 tab-separated fields: " + line);
            }
            Holder h = new Holder(f[0], f[1], f[2], LocalDate.parse(f[4]), f[5].isBlank() ? null : LocalDate.parse(f[5]));
            add(byName, key(f[2]), h);
            for (String alias : f[3].split(";")) {
                if (alias.isBlank()) {
                    continue;
                }
                List<String> words = PersonNames.words(alias);
                // One word is a surname (read only near a term); more words name the person outright.
                add(words.size() == 1 ? bySurname : byName, String.join(" ", words), h);
            }
        }
        return new KnownPeople(Map.copyOf(byName), Map.copyOf(bySurname));
    }

    private static void add(Map<String, List<Holder>> map, String key, Holder h) {
        map.computeIfAbsent(key, k -> new ArrayList<>()).add(h);
    }

    private static String key(String name) {
        return String.join(" ", PersonNames.words(name));
    }

    /** Who the written name is on that date (null date: full names only), the term nearest the date first. */
    public Optional<Holder> lookup(String written, LocalDate date) {
        String key = key(written);
        List<Holder> named = byName.get(key);
        if (named != null) {
            return date == null ? Optional.of(named.get(0))
                    : named.stream().min(Comparator.comparingLong(h -> h.distanceTo(date)));
        }
        List<Holder> surnamed = bySurname.get(key);
        if (surnamed == null || date == null) {
            return Optional.empty();
        }
        List<Holder> near = surnamed.stream().filter(h -> h.distanceTo(date) <= SURNAME_MARGIN_DAYS).toList();
        if (near.isEmpty() || near.stream().map(Holder::country).distinct().count() > 1) {
            return Optional.empty();
        }
        return near.stream().min(Comparator.comparingLong(h -> h.distanceTo(date)));
    }
}
