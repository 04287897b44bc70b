package dev.parley.dedup;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aligns two articles into shared passages. Shared word k-grams on one diagonal form unbroken runs; runs that
 * follow each other in both texts with small gaps (a changed word, an inserted attribution) are chained, as in
 * passim's text-reuse alignment; a chain is a passage when it is long enough (see {@link DedupConfig}).
 */
public final class PassageAligner {

    /** A k-gram occurring more often than this in one article is repetition, not evidence of reuse. */
    private static final int MAX_OCCURRENCES = 4;

    private final DedupConfig config;

    public PassageAligner(DedupConfig config) {
        this.config = config;
    }

    private record Run(int aStart, int aEnd, int bStart, int bEnd) {
        int length() {
            return aEnd - aStart + 1;
        }
    }

    public List<PassageMatch> align(AnalyzedArticle first, AnalyzedArticle second) {
        return align(first, second, NOTHING);
    }

    private static final BitSet NOTHING = new BitSet();

    /**
     * As {@link #align(AnalyzedArticle, AnalyzedArticle)}, ignoring the positional shingles of {@code first} set in
     * {@code maskedOfFirst} (its boilerplate: they match nothing).
     */
    public List<PassageMatch> align(AnalyzedArticle first, AnalyzedArticle second, BitSet maskedOfFirst) {
        // Side A is the smaller id, so the result does not depend on which article arrived first.
        AnalyzedArticle a = first.id().compareTo(second.id()) <= 0 ? first : second;
        AnalyzedArticle b = a == first ? second : first;
        List<Run> runs = runs(a, b, a == first ? maskedOfFirst : NOTHING, a == first ? NOTHING : maskedOfFirst);
        List<List<Run>> chains = chain(runs);
        List<PassageMatch> out = new ArrayList<>();
        for (List<Run> chain : chains) {
            toPassage(a, b, chain).ifPresent(out::add);
        }
        out.sort(Comparator.comparingInt(PassageMatch::wordStartA).thenComparingInt(PassageMatch::wordStartB));
        return out;
    }

    private List<Run> runs(AnalyzedArticle a, AnalyzedArticle b, BitSet maskedA, BitSet maskedB) {
        long[] ha = a.positionalShingles();
        long[] hb = b.positionalShingles();
        Map<Long, List<Integer>> positionsInB = new HashMap<>();
        for (int j = 0; j < hb.length; j++) {
            if (!maskedB.get(j)) {
                positionsInB.computeIfAbsent(hb[j], x -> new ArrayList<>(1)).add(j);
            }
        }
        Map<Long, Integer> countInA = new HashMap<>();
        for (long h : ha) {
            countInA.merge(h, 1, Integer::sum);
        }
        int k = config.shingleWords();
        int lastA = a.words().size() - 1;
        int lastB = b.words().size() - 1;
        List<Run> runs = new ArrayList<>();
        Map<Integer, int[]> openByDiagonal = new HashMap<>(); // diagonal -> {startI, startJ, lastI}
        for (int i = 0; i < ha.length; i++) {
            List<Integer> js = maskedA.get(i) ? null : positionsInB.get(ha[i]);
            if (js == null || js.size() > MAX_OCCURRENCES || countInA.get(ha[i]) > MAX_OCCURRENCES) {
                continue;
            }
            for (int j : js) {
                int diagonal = j - i;
                int[] open = openByDiagonal.get(diagonal);
                if (open != null && open[2] == i - 1) {
                    open[2] = i;
                } else {
                    if (open != null) {
                        runs.add(closeRun(open, diagonal, k, lastA, lastB));
                    }
                    openByDiagonal.put(diagonal, new int[] {i, j, i});
                }
            }
        }
        openByDiagonal.forEach((diagonal, open) -> runs.add(closeRun(open, diagonal, k, lastA, lastB)));
        runs.sort(Comparator.comparingInt(Run::aStart).thenComparingInt(Run::bStart));
        return runs;
    }

    private static Run closeRun(int[] open, int diagonal, int k, int lastA, int lastB) {
        int aEnd = Math.min(lastA, open[2] + k - 1);
        int bEnd = Math.min(lastB, open[2] + diagonal + k - 1);
        return new Run(open[0], aEnd, open[1], bEnd);
    }

    private List<List<Run>> chain(List<Run> runs) {
        int gap = config.maxChainGap();
        int overlap = config.shingleWords() - 1;
        List<List<Run>> chains = new ArrayList<>();
        for (Run r : runs) {
            List<Run> best = null;
            int bestCost = Integer.MAX_VALUE;
            for (List<Run> c : chains) {
                Run last = c.get(c.size() - 1);
                int gapA = r.aStart() - last.aEnd() - 1;
                int gapB = r.bStart() - last.bEnd() - 1;
                boolean forward = r.aStart() > last.aStart() && r.bStart() > last.bStart();
                if (forward && gapA <= gap && gapB <= gap && gapA >= -overlap && gapB >= -overlap) {
                    int cost = Math.max(0, gapA) + Math.max(0, gapB);
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = c;
                    }
                }
            }
            if (best == null) {
                best = new ArrayList<>();
                chains.add(best);
            }
            best.add(r);
        }
        return chains;
    }

    private static int substantive(AnalyzedArticle article, BitSet covered) {
        int n = 0;
        for (int i = covered.nextSetBit(0); i >= 0; i = covered.nextSetBit(i + 1)) {
            if (article.words().isSubstantive(i)) {
                n++;
            }
        }
        return n;
    }

    private java.util.Optional<PassageMatch> toPassage(AnalyzedArticle a, AnalyzedArticle b, List<Run> chain) {
        BitSet coveredA = new BitSet();
        BitSet coveredB = new BitSet();
        int longest = 0;
        int aStart = Integer.MAX_VALUE;
        int aEnd = -1;
        int bStart = Integer.MAX_VALUE;
        int bEnd = -1;
        for (Run r : chain) {
            coveredA.set(r.aStart(), r.aEnd() + 1);
            coveredB.set(r.bStart(), r.bEnd() + 1);
            longest = Math.max(longest, r.length());
            aStart = Math.min(aStart, r.aStart());
            aEnd = Math.max(aEnd, r.aEnd());
            bStart = Math.min(bStart, r.bStart());
            bEnd = Math.max(bEnd, r.bEnd());
        }
        int matched = Math.min(coveredA.cardinality(), coveredB.cardinality());
        int substantive = Math.max(substantive(a, coveredA), substantive(b, coveredB));
        if (matched < config.minPassageWords() || longest < config.minLongestRun()
                || substantive < config.minSubstantiveWords()) {
            return java.util.Optional.empty();
        }
        double similarity = (double) (coveredA.cardinality() + coveredB.cardinality())
                / ((aEnd - aStart + 1) + (bEnd - bStart + 1));
        return java.util.Optional.of(new PassageMatch(
                a.id(), a.words().start(aStart), a.words().end(aEnd), aStart, aEnd,
                b.id(), b.words().start(bStart), b.words().end(bEnd), bStart, bEnd,
                matched, Math.round(similarity * 1000) / 1000.0));
    }
}
