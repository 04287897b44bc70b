package dev.parley.views;

/** One article of a dedup cluster and the level at which it is a copy ({@code UNIQUE} for the canonical). */
public record ClusterMember(String articleId, String kind) {
}
