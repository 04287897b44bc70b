package dev.parley.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An article as {@code GET /api/articles/{id}} serves it: the article as ingested plus its {@code dedup} provenance
 * and the {@code statements} it carries, put together from the {@link ProvenancePart}s the views topology filed
 * under its id (as JSON, in any order). Until deduplication has decided, the status is {@code PENDING}.
 */
public final class ArticleProvenance {

    static final int EXCERPT_CHARS = 280;

    private ArticleProvenance() {
    }

    /**
     * @param article the article's JSON ({@link ViewJson#article})
     * @param parts   the article's parts, each {@code {kind, value}}
     */
    public static ObjectNode of(JsonNode article, Iterable<JsonNode> parts) {
        String articleId = article.path("id").asText();
        JsonNode decision = null;
        List<JsonNode> clusters = new ArrayList<>();
        List<JsonNode> carried = new ArrayList<>();
        for (JsonNode part : parts) {
            switch (part.path("kind").asText()) {
                case ProvenancePart.DECISION -> decision = part.path("value");
                case ProvenancePart.CLUSTER -> clusters.add(part.path("value"));
                case ProvenancePart.STATEMENT -> carried.add(part.path("value"));
                default -> throw new IllegalArgumentException("unknown provenance part " + part.path("kind"));
            }
        }
        ObjectNode json = article.deepCopy();
        ObjectNode dedup = json.putObject("dedup");
        if (decision == null) {
            dedup.put("status", "PENDING");
        } else {
            dedup.put("status", decision.path("kind").asText());
            dedup.set("clusterId", decision.path("clusterId"));
            dedup.set("canonicalId", decision.path("canonicalId"));
            dedup.set("method", decision.path("method"));
            dedup.set("jaccard", decision.path("jaccard"));
            dedup.set("containment", decision.path("containment"));
            ArrayNode cluster = dedup.putArray("cluster");
            ArrayNode copies = dedup.putArray("copies");
            String clusterId = decision.path("clusterId").asText();
            String canonicalId = decision.path("canonicalId").asText();
            // While an article moves between clusters its old cluster's entry may linger: only the decided one counts.
            for (JsonNode members : clusters) {
                if (!members.path("clusterId").asText().equals(clusterId)) {
                    continue;
                }
                for (JsonNode member : members.path("members")) {
                    cluster.add(member);
                    if (!member.path("articleId").asText().equals(canonicalId)) {
                        copies.add(member.path("articleId").asText());
                    }
                }
            }
        }
        ArrayNode statements = json.putArray("statements");
        carried.stream().sorted(Comparator.comparing(s -> s.path("id").asText()))
                .forEach(s -> statements.add(carriedStatement(articleId, s)));
        return json;
    }

    /** The statement as seen from one of its reprints: where it sits in this article, and the other reprints. */
    private static ObjectNode carriedStatement(String articleId, JsonNode statement) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("statementId", statement.path("id"));
        json.set("canonicalArticleId", statement.path("canonicalArticleId"));
        json.set("firstSeen", statement.path("firstSeen"));
        json.set("reprintCount", statement.path("reprintCount"));
        String text = statement.path("text").asText();
        json.put("excerpt", text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…");
        ArrayNode regions = json.putArray("regions");
        ArrayNode others = json.putArray("otherReprints");
        Set<String> seen = new HashSet<>();
        for (JsonNode reprint : statement.path("reprints")) {
            String reprinted = reprint.path("articleId").asText();
            if (reprinted.equals(articleId)) {
                json.set("canonical", reprint.path("canonical"));
                json.set("derivation", reprint.path("derivation"));
                json.set("share", reprint.path("share"));
                ObjectNode region = regions.addObject();
                region.set("charStart", reprint.path("charStart"));
                region.set("charEnd", reprint.path("charEnd"));
                region.set("similarity", reprint.path("similarity"));
            } else if (seen.add(reprinted)) {
                ObjectNode other = others.addObject();
                other.set("articleId", reprint.path("articleId"));
                other.set("origin", reprint.path("origin"));
                other.set("outlet", reprint.path("outlet"));
            }
        }
        return json;
    }
}
