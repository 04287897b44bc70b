package dev.parley.text;

import java.util.Arrays;
import java.util.List;

/** Word k-shingles: the hash of every run of k consecutive folded words, by start position. */
public final class Shingles {

    public static final int DEFAULT_K = 5;

    private Shingles() {
    }

    /**
     * Shingle hashes by start position; position i covers words [i, i+k). A text shorter than k words has one
     * shingle made of all its words, so short texts still compare.
     */
    public static long[] positional(List<Token> tokens, int k) {
        if (tokens.isEmpty()) {
            return new long[0];
        }
        int count = Math.max(1, tokens.size() - k + 1);
        long[] out = new long[count];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.setLength(0);
            int end = Math.min(tokens.size(), i + k);
            for (int j = i; j < end; j++) {
                sb.append(tokens.get(j).form()).append(' ');
            }
            out[i] = Hashing.hash64(sb.toString());
        }
        return out;
    }

    /** The shingle set as a sorted array of distinct hashes: compact, and Jaccard is a linear merge. */
    public static long[] set(long[] positional) {
        long[] s = positional.clone();
        Arrays.sort(s);
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[i - 1]) {
                s[n++] = s[i];
            }
        }
        return Arrays.copyOf(s, n);
    }

    public static int intersectionSize(long[] sortedA, long[] sortedB) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < sortedA.length && j < sortedB.length) {
            if (sortedA[i] == sortedB[j]) {
                common++;
                i++;
                j++;
            } else if (sortedA[i] < sortedB[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }

    public static double jaccard(long[] sortedA, long[] sortedB) {
        if (sortedA.length == 0 && sortedB.length == 0) {
            return 1.0;
        }
        int common = intersectionSize(sortedA, sortedB);
        return (double) common / (sortedA.length + sortedB.length - common);
    }

    /** Share of the smaller set found in the larger: 1.0 when one text is wholly inside the other. */
    public static double containment(long[] sortedA, long[] sortedB) {
        int smaller = Math.min(sortedA.length, sortedB.length);
        if (smaller == 0) {
            return 0.0;
        }
        return (double) intersectionSize(sortedA, sortedB) / smaller;
    }
}
