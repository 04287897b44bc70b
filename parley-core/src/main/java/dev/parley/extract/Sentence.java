package dev.parley.extract;

/**
 * One sentence of an article. post: the embedded social-media post the sentence belongs to, if any (its author
 * and date come from the "— Name (@handle) January 16, 2026" signature).
 */
public record Sentence(int index, Span span, String text, int paragraph, EmbeddedPost post) {

    public boolean inPost() {
        return post != null;
    }
}
