package dev.parley.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.ReprintedStatement;

/**
 * One piece of an article's provenance as the views topology files it under the article id: its dedup decision,
 * the members of a cluster it belongs to, or a statement it carries. Each piece is kept in the JSON it is served
 * in, so {@code GET /api/articles/{id}} is one prefix read of the article's pieces ({@link ArticleProvenance}).
 *
 * @param kind  {@link #DECISION}, {@link #CLUSTER} or {@link #STATEMENT}
 * @param value the decision ({@link ViewJson#decision}), {@code {clusterId, members}}, or the statement
 *              ({@link ViewJson#statement})
 */
public record ProvenancePart(String kind, JsonNode value) {

    public static final String DECISION = "decision";
    public static final String CLUSTER = "cluster";
    public static final String STATEMENT = "statement";

    public static ProvenancePart decision(DedupDecision decision) {
        return new ProvenancePart(DECISION, ViewJson.tree(ViewJson.decision(decision)));
    }

    public static ProvenancePart cluster(String clusterId, ClusterMembers members) {
        ObjectNode value = ((ObjectNode) ViewJson.tree(members)).put("clusterId", clusterId);
        return new ProvenancePart(CLUSTER, value);
    }

    public static ProvenancePart statement(ReprintedStatement statement) {
        return new ProvenancePart(STATEMENT, ViewJson.tree(ViewJson.statement(statement)));
    }

    /** The part's id under its article: one decision, one entry per cluster and per statement. */
    public static String idOf(String kind, String id) {
        return kind.equals(DECISION) ? DECISION : kind + ":" + id;
    }
}
