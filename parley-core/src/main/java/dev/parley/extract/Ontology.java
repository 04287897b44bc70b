package dev.parley.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Kind groups, priorities and Goldstein-style scores (parley/ontology.json). */
public final class Ontology {

    public record KindInfo(EventKind kind, String group, int priority, double goldstein, String cameo, String doc) {
    }

    private final Map<EventKind, KindInfo> kinds = new EnumMap<>(EventKind.class);
    private final Map<String, Set<String>> attachable = new HashMap<>();

    public Ontology(InputStream json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            for (JsonNode k : root.get("kinds")) {
                EventKind kind = EventKind.valueOf(k.get("kind").asText());
                kinds.put(kind, new KindInfo(kind, k.get("group").asText(), k.get("priority").asInt(),
                        k.get("goldstein").asDouble(), k.path("cameo").asText(), k.path("doc").asText()));
            }
            root.get("attachable").fields().forEachRemaining(e -> {
                Set<String> groups = new HashSet<>();
                e.getValue().forEach(g -> groups.add(g.asText()));
                attachable.put(e.getKey(), groups);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (EventKind kind : EventKind.values()) {
            if (!kinds.containsKey(kind)) {
                throw new IllegalStateException("ontology lacks kind " + kind);
            }
        }
    }

    public static Ontology loadDefault() {
        return new Ontology(Resources.open("parley/ontology.json"));
    }

    public KindInfo info(EventKind kind) {
        return kinds.get(kind);
    }

    /** Two reports may be of one real-world event only if their kinds share a group. */
    public boolean sameGroup(EventKind a, EventKind b) {
        return kinds.get(a).group().equals(kinds.get(b).group());
    }

    /** Within one article, may a mention of kind `mention` be part of an event of kind `event`? */
    public boolean attachable(EventKind event, EventKind mention) {
        return attachable.getOrDefault(kinds.get(event).group(), Set.of()).contains(kinds.get(mention).group());
    }

    public EventKind primary(Collection<EventKind> kindsSeen) {
        return kindsSeen.stream().max(Comparator.comparingInt((EventKind k) -> kinds.get(k).priority())
                .thenComparing(Comparator.reverseOrder())).orElseThrow();
    }
}
