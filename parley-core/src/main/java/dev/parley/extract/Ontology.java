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
    /** Groups whose kinds are all compatible with each other across articles. */
    private final Set<String> wholeGroups = new HashSet<>();
    /** Pairs of different kinds (both orders) that may be one event across articles. */
    private final Set<Set<EventKind>> compatiblePairs = new HashSet<>();

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
            root.path("compatible").fields().forEachRemaining(e -> {
                if (e.getValue().isTextual() && e.getValue().asText().equals("group")) {
                    wholeGroups.add(e.getKey());
                } else {
                    e.getValue().forEach(pair -> compatiblePairs.add(Set.of(EventKind.valueOf(pair.get(0).asText()),
                            EventKind.valueOf(pair.get(1).asText()))));
                }
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

    /**
     * Across articles, may reports of kinds a and b be one real-world event? The same group, and for groups not
     * listed as a whole, the same kind or a listed pair (ontology.json "compatible").
     */
    public boolean compatible(EventKind a, EventKind b) {
        if (!sameGroup(a, b)) {
            return false;
        }
        return a == b || wholeGroups.contains(kinds.get(a).group()) || compatiblePairs.contains(Set.of(a, b));
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
