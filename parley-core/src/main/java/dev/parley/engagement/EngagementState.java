package dev.parley.engagement;

import java.util.List;

/** The merged view of a set of articles: events and commitments, in a canonical order. */
public record EngagementState(List<EngagementEvent> events, List<Commitment> commitments) {
}
