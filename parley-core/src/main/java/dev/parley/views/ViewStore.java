package dev.parley.views;

/**
 * A queryable view: a state store of one stream stage. The name is the store's name (stable: it appears in the
 * internal query endpoints and the changelog topic).
 */
public record ViewStore(String name, String stage) {
}
