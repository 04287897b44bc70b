package dev.parley.extract.report;

import dev.parley.extract.ArticleInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain-text articles of a corpus folder for the report (the Kafka path gets them from ingestion instead).
 * The publication date comes from the expected-facts file, else a leading " date YYYY-MM-DD " line or a
 * "date: YYYY-MM-DD" front-matter field.
 */
public final class Corpus {

    private static final Pattern DATE_LINE = Pattern.compile("^\\s*date:?\\s+(\\d{4}-\\d{2}-\\d{2})\\s*");

    private Corpus() {
    }

    public record Meta(String file, LocalDate publishedAt, String language) {
    }

    public static List<ArticleInput> read(Path dir, Map<String, Meta> meta) {
        List<ArticleInput> out = new ArrayList<>();
        for (Meta m : meta.values()) {
            Path file = dir.resolve(m.file());
            try {
                String body = Files.readString(file, StandardCharsets.UTF_8);
                LocalDate published = m.publishedAt();
                Matcher d = DATE_LINE.matcher(body);
                if (d.find()) {
                    published = published != null ? published : LocalDate.parse(d.group(1));
                    body = body.substring(d.end());
                }
                if (published == null) {
                    throw new IllegalArgumentException("no publication date for " + m.file());
                }
                String id = m.file().replaceFirst("\\.[^.]+$", "");
                out.add(new ArticleInput(id, file.toString(), published, m.language(), "", body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
