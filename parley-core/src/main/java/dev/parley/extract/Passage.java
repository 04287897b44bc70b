package dev.parley.extract;

/** Provenance: the article and the exact characters a fact was read from. */
public record Passage(String articleId, int start, int end, String text) implements Comparable<Passage> {

    @Override
    public int compareTo(Passage o) {
        int c = articleId.compareTo(o.articleId);
        return c != 0 ? c : Integer.compare(start, o.start);
    }
}
