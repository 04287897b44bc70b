package dev.parley.extract.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.extract.DatePrecision;
import dev.parley.extract.ResolvedDate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected-facts file: actor ids, events (kind, date + precision, participants, topics, sources) and
 * commitments (due date + precision, place, agreedAt event, sources). Sources are article keys
 * ({@link IngestedCorpus#key}); dates, languages and texts come from ingest, as in the pipeline.
 */
public record ExpectedFacts(List<String> actors, List<Event> events, List<CommitmentFact> commitments) {

    public record Event(String id, String kind, ResolvedDate date, List<String> participants, List<String> topics,
                        List<String> sources) {
    }

    public record CommitmentFact(String id, ResolvedDate dueDate, String place, String agreedAt, List<String> sources) {
    }

    public static ExpectedFacts read(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<Event> events = new ArrayList<>();
            for (JsonNode e : root.path("events")) {
                events.add(new Event(e.get("id").asText(), e.get("kind").asText(), date(e, "date"),
                        strings(e.get("participants")), strings(e.get("topics")), strings(e.get("sources"))));
            }
            List<CommitmentFact> commitments = new ArrayList<>();
            for (JsonNode c : root.path("commitments")) {
                commitments.add(new CommitmentFact(c.get("id").asText(), date(c, "dueDate"),
                        c.hasNonNull("place") ? c.get("place").asText() : null, c.path("agreedAt").asText(null),
                        strings(c.get("sources"))));
            }
            return new ExpectedFacts(strings(root.get("actors")), events, commitments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResolvedDate date(JsonNode n, String field) {
        if (!n.hasNonNull(field)) {
            return null;
        }
        return new ResolvedDate(LocalDate.parse(n.get(field).asText()),
                DatePrecision.valueOf(n.path("precision").asText("DAY")));
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }
}
