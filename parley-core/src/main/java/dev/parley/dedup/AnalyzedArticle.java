package dev.parley.dedup;

import dev.parley.text.Hashing;
import dev.parley.text.Shingles;
import dev.parley.text.Token;
import dev.parley.text.Tokenizer;
import java.util.List;

/**
 * An article with everything the comparisons need, all derived deterministically from (id, time, text): by
 * {@link #of} from the text, or by {@link PackedAnalysis#unpack} from what {@link PackedAnalysis#pack} stored.
 */
public final class AnalyzedArticle {

    private final String id;
    private final long publishedAtMillis;
    private final String text;
    private final WordSpans words;
    private final long[] positionalShingles;
    private final String exactKey;
    /** Sorted distinct shingles, computed on first use: a passage partner read from the index never needs them. */
    private long[] shingleSet;
    /** Where each positional shingle occurs, nothing masked, built on first use (an alignment reuses it). */
    private ShinglePositions positions;

    public AnalyzedArticle(String id, long publishedAtMillis, String text, WordSpans words, long[] positionalShingles,
                           String exactKey) {
        this.id = id;
        this.publishedAtMillis = publishedAtMillis;
        this.text = text;
        this.words = words;
        this.positionalShingles = positionalShingles;
        this.exactKey = exactKey;
    }

    public String id() {
        return id;
    }

    public long publishedAtMillis() {
        return publishedAtMillis;
    }

    public String text() {
        return text;
    }

    public WordSpans words() {
        return words;
    }

    /** The word k-shingle hashes by position (shingle i starts at word i). */
    public long[] positionalShingles() {
        return positionalShingles;
    }

    /** The distinct shingle hashes, sorted. */
    public long[] shingleSet() {
        if (shingleSet == null) {
            shingleSet = Shingles.set(positionalShingles);
        }
        return shingleSet;
    }

    /** The positions of the positional shingles, none masked; built once per article. */
    ShinglePositions positions() {
        if (positions == null) {
            positions = new ShinglePositions(positionalShingles, new java.util.BitSet());
        }
        return positions;
    }

    public String exactKey() {
        return exactKey;
    }

    public static AnalyzedArticle of(String id, long publishedAtMillis, String text, int shingleWords) {
        List<Token> tokens = Tokenizer.tokenize(text);
        long[] positional = Shingles.positional(tokens, shingleWords);
        StringBuilder folded = new StringBuilder();
        tokens.forEach(t -> folded.append(t.form()).append(' '));
        // Two independent 64-bit hashes: a chance collision between different texts is ~2^-128.
        byte[] bytes = folded.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String exactKey =
                "x:" + Hashing.hex16(Hashing.murmur3x64(bytes, 1)) + Hashing.hex16(Hashing.murmur3x64(bytes, 2));
        return new AnalyzedArticle(id, publishedAtMillis, text, WordSpans.of(text, tokens), positional, exactKey);
    }

    public boolean isEarlierThan(AnalyzedArticle other) {
        return publishedAtMillis != other.publishedAtMillis ? publishedAtMillis < other.publishedAtMillis
                : id.compareTo(other.id) < 0;
    }
}
