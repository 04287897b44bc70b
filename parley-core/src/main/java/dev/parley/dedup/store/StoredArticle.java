package dev.parley.dedup.store;

/** What the index keeps per article: everything else (shingles, signature) is recomputed from the text. */
public record StoredArticle(String id, long publishedAtMillis, String text) {
}
