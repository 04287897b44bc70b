package dev.parley.dedup;

/** Where one article carries a statement: char span of the original text and similarity of its best match. */
public record Reprint(String articleId, int charStart, int charEnd, double similarity) {
}
