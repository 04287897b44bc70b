package dev.parley.dedup;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

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
        // Unmasked tables are the article's own, built once however many partners it is aligned with.
        ShinglePositions positionsInB = maskedB.isEmpty() ? b.positions() : new ShinglePositions(hb, maskedB);
        ShinglePositions countInA = a.positions();
        int k = config.shingleWords();
        int lastA = a.words().size() - 1;
        int lastB = b.words().size() - 1;
        List<Run> runs = new ArrayList<>();
        // The run open on each diagonal j - i (offset by ha.length): its start in A and B and its last i; startI
        // is -1 while none is open.
        int offset = ha.length;
        int[] startI = new int[ha.length + hb.length + 1];
        int[] startJ = new int[startI.length];
        int[] lastI = new int[startI.length];
        java.util.Arrays.fill(startI, -1);
        for (int i = 0; i < ha.length; i++) {
            int slot = maskedA.get(i) ? ShinglePositions.ABSENT : positionsInB.find(ha[i]);
            if (slot == ShinglePositions.ABSENT || positionsInB.count(slot) > MAX_OCCURRENCES
                    || countInA.count(ha[i]) > MAX_OCCURRENCES) {
                continue;
            }
            for (int j = positionsInB.firstPosition(slot); j != ShinglePositions.ABSENT;
                 j = positionsInB.nextPosition(j)) {
                int d = j - i + offset;
                if (startI[d] >= 0 && lastI[d] == i - 1) {
                    lastI[d] = i;
                } else {
                    if (startI[d] >= 0) {
                        runs.add(closeRun(startI[d], startJ[d], lastI[d], d - offset, k, lastA, lastB));
                    }
                    startI[d] = i;
                    startJ[d] = j;
                    lastI[d] = i;
                }
            }
        }
        for (int d = 0; d < startI.length; d++) {
            if (startI[d] >= 0) {
                runs.add(closeRun(startI[d], startJ[d], lastI[d], d - offset, k, lastA, lastB));
            }
        }
        runs.sort(Comparator.comparingInt(Run::aStart).thenComparingInt(Run::bStart));
        return runs;
    }

    private static Run closeRun(int startI, int startJ, int lastI, int diagonal, int k, int lastA, int lastB) {
        int aEnd = Math.min(lastA, lastI + k - 1);
        int bEnd = Math.min(lastB, lastI + diagonal + k - 1);
        return new Run(startI, aEnd, startJ, bEnd);
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
