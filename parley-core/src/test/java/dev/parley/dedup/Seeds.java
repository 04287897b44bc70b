package dev.parley.dedup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the seed articles for tests. Event times are test input standing in for what ingest derives from each
 * text (dateline, embedded posts, relative days); ids are the file names' hex parts.
 */
final class Seeds {

    record SeedArticle(String file, String id, long publishedAtMillis, String text) {
    }

    private static final String[] DATES = {"2026-01-11", "2026-01-15", "2026-01-16", "2026-01-12", "2026-01-16"};

    private Seeds() {
    }

    static List<SeedArticle> load() {
        Path dir = Path.of(System.getProperty("parley.seeds.dir", "../../shared/seeds"));
        List<SeedArticle> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            for (int i = 0; i < sorted.size(); i++) {
                Path p = sorted.get(i);
                String name = p.getFileName().toString();
                String id = name.substring(name.indexOf('_') + 1, name.length() - 4);
                long at = LocalDate.parse(DATES[i % DATES.length]).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .toEpochMilli();
                out.add(new SeedArticle(name, id, at, Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
