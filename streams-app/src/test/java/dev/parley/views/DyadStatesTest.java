package dev.parley.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dyad fold on invented events: as-of, last contact, counts, index, commitments, actors. */
class DyadStatesTest {

    private final DyadStates states = DyadStates.loadDefault();

    private static JsonNode event(String id, String date, String kind, double goldstein, List<String> dyads,
                                  List<String> topics, String... actors) {
        return ViewJson.tree(Map.of("id", id, "date", date, "kind", kind, "goldstein", goldstein, "dyads", dyads,
                "topics", topics, "participants", java.util.Arrays.stream(actors)
                        .map(a -> Map.of("actorId", a, "name", a.toUpperCase(), "type", "PERSON", "country", "XX")).toList(),
                "sources", List.of(Map.of("articleId", "art-" + id, "origin", "files/" + id + ".txt"))));
    }

    private static JsonNode commitment(String id, String agreedAt, String status) {
        return ViewJson.tree(Map.of("id", id, "dyads", List.of("CA-MX"), "agreedAtEventId", agreedAt, "status", status,
                "dueDate", "2026-04-01"));
    }

    private final List<JsonNode> events = List.of(
            event("e1", "2026-03-01", "CONSULT_CALL", 1.0, List.of("CA-MX"), List.of("trade"), "ana", "bo"),
            event("e2", "2026-03-03", "THREAT", -6.0, List.of("CA-MX"), List.of("trade", "visas"), "bo"),
            event("e3", "2026-03-03", "MEET_VISIT", 4.0, List.of("CA-MX"), List.of("visas"), "ana"),
            event("e4", "2026-03-05", "STATEMENT", 0.0, List.of("CA-MX", "CA-US"), List.of(), "cy"));
    private final List<JsonNode> commitments = List.of(commitment("c1", "e3", "SCHEDULED"),
            commitment("c2", "e1", "HELD"));

    @Test
    void theStateFoldsEveryEventOfTheDyad() {
        ObjectNode state = states.state("CA-MX", events, commitments, null, true).orElseThrow();
        assertThat(state.path("eventCount").asInt()).isEqualTo(4);
        assertThat(state.path("events")).extracting(e -> e.path("id").asText()).containsExactly("e1", "e2", "e3", "e4");
        assertThat(state.path("lastContact").path("eventId").asText()).isEqualTo("e3"); // a statement is no contact
        assertThat(state.path("countsByKind").path("THREAT").asInt()).isEqualTo(1);
        assertThat(state.path("topicWeights").path("trade").asDouble()).isEqualTo(0.5);
        assertThat(state.path("pressureCooperation")).extracting(p -> p.path("date").asText() + "=" + p.path("value").asDouble())
                .containsExactly("2026-03-01=0.1", "2026-03-03=-0.1", "2026-03-05=0.0");
        assertThat(state.path("openCommitments")).extracting(c -> c.path("id").asText()).containsExactly("c1");
        assertThat(state.path("pastCommitments")).extracting(c -> c.path("id").asText()).containsExactly("c2");
        assertThat(state.path("actors")).extracting(a -> a.path("actorId").asText() + ":" + a.path("events").asInt())
                .containsExactly("ana:2", "bo:2", "cy:1");
    }

    @Test
    void asOfADateOnlyWhatHadHappenedCountsAndCommitmentsNeedTheirAgreement() {
        ObjectNode state = states.state("CA-MX", events, commitments, "2026-03-02", true).orElseThrow();
        assertThat(state.path("events")).extracting(e -> e.path("id").asText()).containsExactly("e1");
        assertThat(state.path("openCommitments")).isEmpty();
        assertThat(state.path("pastCommitments")).extracting(c -> c.path("id").asText()).containsExactly("c2");
        assertThat(states.state("CA-MX", events, commitments, "2026-02-28", true)).isEmpty();
        assertThat(states.dyads(events, null)).containsExactly("CA-MX", "CA-US");
        assertThat(states.dyads(events, "2026-03-04")).containsExactly("CA-MX");
    }

    @Test
    void dyadNamesAreNormalised() {
        assertThat(DyadStates.normalise("us-mx")).contains("MX-US");
        assertThat(DyadStates.normalise("MX-US")).contains("MX-US");
        assertThat(DyadStates.normalise("MEX-USA")).isEqualTo(Optional.empty());
        assertThat(DyadStates.normalise("MX-MX")).isEmpty();
    }
}
