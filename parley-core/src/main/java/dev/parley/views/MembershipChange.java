package dev.parley.views;

/** One article entering ({@code present}) or leaving a statement's reprints. Keyed by the article id downstream. */
public record MembershipChange(String statementId, boolean present) {
}
