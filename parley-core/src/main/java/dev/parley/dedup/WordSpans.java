package dev.parley.dedup;

import dev.parley.text.FunctionWords;
import dev.parley.text.Token;
import java.util.BitSet;
import java.util.List;

/**
 * An article's words as the comparisons need them: where each sits in the text, and whether it is substantive
 * (neither capitalised nor a function word, {@link FunctionWords#isSubstantive}). Kept instead of the tokens so
 * that an article read back from the store needs no re-tokenising ({@link PackedAnalysis}).
 */
public final class WordSpans {

    private final int[] starts;
    private final int[] ends;
    private final BitSet substantive;

    WordSpans(int[] starts, int[] ends, BitSet substantive) {
        if (starts.length != ends.length) {
            throw new IllegalArgumentException("starts and ends differ in length");
        }
        this.starts = starts;
        this.ends = ends;
        this.substantive = substantive;
    }

    static WordSpans of(String text, List<Token> tokens) {
        int[] starts = new int[tokens.size()];
        int[] ends = new int[tokens.size()];
        BitSet substantive = new BitSet(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            starts[i] = t.start();
            ends[i] = t.end();
            substantive.set(i, FunctionWords.isSubstantive(text, t));
        }
        return new WordSpans(starts, ends, substantive);
    }

    public int size() {
        return starts.length;
    }

    /** Index of the first char of word {@code i} in the text. */
    public int start(int i) {
        return starts[i];
    }

    /** Index after the last char of word {@code i} in the text. */
    public int end(int i) {
        return ends[i];
    }

    public boolean isSubstantive(int i) {
        return substantive.get(i);
    }

    BitSet substantiveWords() {
        return substantive;
    }
}
