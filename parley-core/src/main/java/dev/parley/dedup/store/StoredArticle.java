package dev.parley.dedup.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the index keeps per article: its time, its text (which a store may keep elsewhere) and its analysis
 * packed ({@code dev.parley.dedup.PackedAnalysis}: word offsets and positional shingle hashes), so that a partner
 * read back is compared without re-tokenising. An empty {@code analysis} (values written before it existed) means
 * "analyse the text"; the signature is recomputed from the shingles either way.
 */
public record StoredArticle(String id, long publishedAtMillis, String text, byte[] analysis) {

    public StoredArticle {
        Objects.requireNonNull(id);
        Objects.requireNonNull(text);
        analysis = analysis == null ? new byte[0] : analysis;
    }

    /** An article without its analysis (as builds before it stored them). */
    public StoredArticle(String id, long publishedAtMillis, String text) {
        this(id, publishedAtMillis, text, new byte[0]);
    }

    public StoredArticle withText(String newText) {
        return new StoredArticle(id, publishedAtMillis, newText, analysis);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredArticle s && id.equals(s.id) && publishedAtMillis == s.publishedAtMillis
                && text.equals(s.text) && Arrays.equals(analysis, s.analysis);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, publishedAtMillis, text, Arrays.hashCode(analysis));
    }

    @Override
    public String toString() {
        return "StoredArticle[id=" + id + ", publishedAtMillis=" + publishedAtMillis + ", text=" + text.length()
                + " chars, analysis=" + analysis.length + " bytes]";
    }
}
