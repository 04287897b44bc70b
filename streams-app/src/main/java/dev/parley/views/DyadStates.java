package dev.parley.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The state of a dyad (two countries) folded from its engagement events and commitments, optionally as of a date:
 * events in order with their sources, last contact, counts by kind, open and past commitments, topic weights,
 * actors, and a pressure–cooperation index per day. The rules (which kinds are contacts, which statuses are open,
 * the index scale) are data: {@code dyad-state.properties}.
 *
 * <p>As of a date means: events dated by then, commitments agreed at such an event. This is computed at query time
 * from the events and commitments views; statuses are the current ones.
 */
public final class DyadStates {

    private final Set<String> contactKinds;
    private final Set<String> openStatuses;
    private final double goldsteinScale;

    private DyadStates(Properties rules) {
        this.contactKinds = set(rules.getProperty("contact.kinds"));
        this.openStatuses = set(rules.getProperty("open.statuses"));
        this.goldsteinScale = Double.parseDouble(rules.getProperty("goldstein.scale"));
    }

    public static DyadStates loadDefault() {
        try (InputStream in = DyadStates.class.getResourceAsStream("/dev/parley/views/dyad-state.properties")) {
            Properties rules = new Properties();
            rules.load(in);
            return new DyadStates(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code us-mx} → {@code MX-US}; empty when it is not two two-letter codes. */
    public static Optional<String> normalise(String dyad) {
        String[] codes = dyad.trim().toUpperCase(Locale.ROOT).split("-");
        if (codes.length != 2 || !codes[0].matches("[A-Z]{2}") || !codes[1].matches("[A-Z]{2}") || codes[0].equals(codes[1])) {
            return Optional.empty();
        }
        Arrays.sort(codes);
        return Optional.of(codes[0] + "-" + codes[1]);
    }

    /** Every dyad with at least one event dated by {@code asOf} (all when null), sorted. */
    public List<String> dyads(List<JsonNode> events, String asOf) {
        Set<String> dyads = new TreeSet<>();
        for (JsonNode event : events) {
            if (dated(event, asOf)) {
                event.path("dyads").forEach(d -> dyads.add(d.asText()));
            }
        }
        return List.copyOf(dyads);
    }

    /** The dyad's state, or empty when it has no event dated by {@code asOf}. */
    public Optional<ObjectNode> state(String dyad, List<JsonNode> allEvents, List<JsonNode> allCommitments,
                                      String asOf, boolean withEvents) {
        List<JsonNode> events = allEvents.stream()
                .filter(e -> dated(e, asOf) && contains(e.path("dyads"), dyad))
                .sorted(Comparator.<JsonNode, String>comparing(e -> e.path("date").asText())
                        .thenComparing(e -> e.path("id").asText()))
                .toList();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        Set<String> eventIds = events.stream().map(e -> e.path("id").asText()).collect(Collectors.toSet());
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.put("dyad", dyad);
        state.put("asOf", asOf);
        state.put("eventCount", events.size());

        events.stream().filter(e -> contactKinds.contains(e.path("kind").asText())).reduce((a, b) -> b)
                .ifPresentOrElse(e -> {
                    ObjectNode last = state.putObject("lastContact");
                    last.set("date", e.path("date"));
                    last.set("kind", e.path("kind"));
                    last.set("eventId", e.path("id"));
                }, () -> state.putNull("lastContact"));

        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> topics = new TreeMap<>();
        Map<String, ObjectNode> actors = new TreeMap<>();
        Map<String, List<Double>> dailyScores = new TreeMap<>();
        for (JsonNode event : events) {
            counts.merge(event.path("kind").asText(), 1, Integer::sum);
            event.path("topics").forEach(t -> topics.merge(t.asText(), 1, Integer::sum));
            for (JsonNode p : event.path("participants")) {
                ObjectNode actor = actors.computeIfAbsent(p.path("actorId").asText(), id -> {
                    ObjectNode a = JsonNodeFactory.instance.objectNode();
                    a.put("actorId", id);
                    a.set("name", p.path("name"));
                    a.set("type", p.path("type"));
                    a.set("country", p.path("country"));
                    a.put("events", 0);
                    return a;
                });
                actor.put("events", actor.path("events").asInt() + 1);
                actor.set("lastSeen", event.path("date"));
            }
            dailyScores.computeIfAbsent(event.path("date").asText(), d -> new ArrayList<>())
                    .add(event.path("goldstein").asDouble());
        }
        ObjectNode countsNode = state.putObject("countsByKind");
        counts.forEach(countsNode::put);
        ObjectNode weights = state.putObject("topicWeights");
        topics.forEach((topic, n) -> weights.put(topic, Math.round(1000.0 * n / events.size()) / 1000.0));
        ArrayNode series = state.putArray("pressureCooperation");
        dailyScores.forEach((date, scores) -> {
            double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            ObjectNode point = series.addObject();
            point.put("date", date);
            point.put("value", Math.max(-1, Math.min(1, Math.round(1000.0 * mean / goldsteinScale) / 1000.0)));
        });
        state.putArray("actors").addAll(new ArrayList<>(actors.values()));

        ArrayNode open = state.putArray("openCommitments");
        ArrayNode past = state.putArray("pastCommitments");
        allCommitments.stream()
                .filter(c -> contains(c.path("dyads"), dyad))
                .filter(c -> asOf == null || eventIds.contains(c.path("agreedAtEventId").asText()))
                .sorted(Comparator.<JsonNode, String>comparing(c -> c.path("dueDate").asText())
                        .thenComparing(c -> c.path("id").asText()))
                .forEach(c -> (openStatuses.contains(c.path("status").asText()) ? open : past).add(c));
        if (withEvents) {
            state.putArray("events").addAll(events);
        }
        return Optional.of(state);
    }

    private static boolean dated(JsonNode event, String asOf) {
        return asOf == null || event.path("date").asText().compareTo(asOf) <= 0;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> set(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
