package dev.parley.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.extract.EventKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads gold JSONL files; a malformed line is an error naming the file and line, not a stack trace. */
public final class GoldFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KINDS = new TreeSet<>(Arrays.stream(EventKind.values()).map(Enum::name).toList());

    private GoldFile() {
    }

    public static List<GoldArticle> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EvaluationException("cannot read gold file " + file + ": " + e.getMessage());
        }
        List<GoldArticle> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file.getFileName() + ":" + (i + 1);
            try {
                out.add(parse(JSON.readTree(line), file.getFileName().toString(), i + 1));
            } catch (IOException | RuntimeException e) {
                throw new EvaluationException("bad gold line " + where + ": " + e.getMessage());
            }
        }
        return out;
    }

    static GoldArticle parse(JsonNode n, String file, int line) {
        String source = required(n, "source");
        if (!source.equals(GoldArticle.REUTERS) && !source.equals(GoldArticle.LJZAC)) {
            throw new IllegalArgumentException("unknown source '" + source + "'");
        }
        String id = text(n, "id");
        String path = text(n, "path");
        if (source.equals(GoldArticle.REUTERS) && id == null) {
            throw new IllegalArgumentException("a Reuters line needs \"id\"");
        }
        if (source.equals(GoldArticle.LJZAC) && path == null) {
            throw new IllegalArgumentException("an ljzac line needs \"path\"");
        }
        List<GoldArticle.Event> events = new ArrayList<>();
        for (JsonNode e : n.path("events")) {
            String kind = required(e, "kind");
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("unknown kind '" + kind + "' (one of " + KINDS + ")");
            }
            List<GoldArticle.Person> people = new ArrayList<>();
            for (JsonNode p : e.path("participants")) {
                people.add(new GoldArticle.Person(text(p, "name"), text(p, "country"), text(p, "office")));
            }
            events.add(new GoldArticle.Event(kind, codes(e.path("countries")), date(e, "date"), date(e, "dateFrom"),
                    date(e, "dateTo"), List.copyOf(people), text(e, "initiator"), evidence(e)));
        }
        List<GoldArticle.Commitment> commitments = new ArrayList<>();
        for (JsonNode c : n.path("commitments")) {
            commitments.add(new GoldArticle.Commitment(text(c, "what"), text(c, "due"), text(c, "where"),
                    codes(c.path("parties")), evidence(c)));
        }
        boolean has = n.has("hasEngagement") ? n.get("hasEngagement").asBoolean() : !events.isEmpty();
        LocalDate published = date(n, "published");
        String language = text(n, "language");
        return new GoldArticle(file, line, source, id, path, text(n, "blob"), published,
                language == null ? (source.equals(GoldArticle.REUTERS) ? "en" : "es") : language, has,
                List.copyOf(events), List.copyOf(commitments));
    }

    private static Set<String> codes(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(c -> out.add(c.asText().strip().toUpperCase(java.util.Locale.ROOT)));
        return Set.copyOf(out);
    }

    private static GoldArticle.Evidence evidence(JsonNode n) {
        JsonNode e = n.path("evidence");
        return e.has("start") && e.has("end") ? new GoldArticle.Evidence(e.get("start").asInt(), e.get("end").asInt())
                : null;
    }

    private static LocalDate date(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + s + "' is not YYYY-MM-DD");
        }
    }

    private static String required(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return s;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
