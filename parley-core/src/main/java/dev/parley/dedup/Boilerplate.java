package dev.parley.dedup;

/**
 * A span of an article that many other articles carry too and that is too short to be a statement: a wire
 * dateline, an agency credit, a newsletter footer. It takes no part in alignment; the decision log lists it.
 *
 * @param charStart first character of the span in the article (inclusive)
 * @param charEnd   end of the span (exclusive)
 * @param words     words the span covers
 * @param articles  distinct articles in the index carrying its least common fingerprint (this one included)
 */
public record Boilerplate(int charStart, int charEnd, int words, int articles) {
}
