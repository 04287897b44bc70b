package dev.parley.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Month names of the languages Parley dates articles in, read from {@code month-names.tsv}. */
final class MonthNames {

    private final Map<String, Integer> numberByName;

    private MonthNames(Map<String, Integer> numberByName) {
        this.numberByName = Map.copyOf(numberByName);
    }

    static MonthNames load() {
        String resource = "month-names.tsv";
        try (InputStream in = MonthNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Map<String, Integer> names = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                names.put(cols[2].strip().toLowerCase(Locale.ROOT), Integer.parseInt(cols[1].strip()));
            }
            return new MonthNames(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A regex alternation of all names, longest first so "septiembre" wins over "sep". */
    String alternation() {
        return numberByName.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    int number(String name) {
        Integer n = numberByName.get(name.toLowerCase(Locale.ROOT));
        if (n == null) {
            throw new IllegalArgumentException("not a month name: " + name);
        }
        return n;
    }
}
