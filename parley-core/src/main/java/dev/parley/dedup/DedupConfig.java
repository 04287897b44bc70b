package dev.parley.dedup;

import java.time.Duration;

/**
 * Every knob of the dedup core, with the defaults justified in the README (and measured by
 * {@code parley eval dedup}). Decisions carry {@link #algorithmVersion()} and the thresholds, so a replay with
 * other values can be compared decision by decision.
 *
 * @param shingleWords         k of word k-shingles, for documents and passages alike
 * @param permutations         MinHash signature length
 * @param bands                LSH bands; bands * rows must not exceed permutations
 * @param rows                 signature rows per band
 * @param jaccardThreshold     near-identical when exact shingle Jaccard is at least this
 * @param containmentThreshold ...or when the smaller text's shingles are at least this share of the larger's
 * @param containmentMinRatio  ...and the smaller text is at least this share of the larger (else it is a reprinted
 *                             passage, left to the passage level)
 * @param bucketCap            postings kept per LSH bucket and per fingerprint (the earliest by publishedAt, id)
 * @param maxCandidates        near-duplicate candidates verified per article
 * @param maxPassagePartners   passage partners aligned per article: those sharing the most winnowing fingerprints
 *                             with it (then the earliest); a reprint needs one link into its statement, and a text
 *                             reprinted by more outlets than this is still one statement through their links
 * @param winnowWindow         winnowing window w: every shared run of w + k - 1 words shares a fingerprint
 * @param minPassageWords      a passage must match at least this many words
 * @param minLongestRun        ...and contain an unbroken run of at least this many words
 * @param minSubstantiveWords  ...and at least this many lower-case non-function words (titles and names alone
 *                             are formulas, not statements)
 * @param maxChainGap          matched runs are chained into one passage across gaps up to this many words
 * @param regionGap            passages of one article closer than this many words form one region of a statement
 * @param horizon              articles further apart in event time are never compared
 * @param maxComponentArticles bound on the articles visited when regrouping statements
 * @param commonPhraseArticles a winnowing fingerprint found in more than this many distinct articles of the index
 *                             (copies included) is common: a phrase every feed repeats, not a reprint
 * @param boilerplateMaxWords  a run of common fingerprints spanning fewer words than this is boilerplate (a
 *                             dateline, an agency credit): left out of alignment and statements, listed in the
 *                             decision log; a longer common run (a communiqué many outlets reprint) still aligns
 */
public record DedupConfig(
        int shingleWords,
        int permutations,
        int bands,
        int rows,
        double jaccardThreshold,
        double containmentThreshold,
        double containmentMinRatio,
        int bucketCap,
        int maxCandidates,
        int maxPassagePartners,
        int winnowWindow,
        int minPassageWords,
        int minLongestRun,
        int minSubstantiveWords,
        int maxChainGap,
        int regionGap,
        Duration horizon,
        int maxComponentArticles,
        int commonPhraseArticles,
        int boilerplateMaxWords,
        String algorithmVersion) {

    public DedupConfig {
        if (bands * rows > permutations) {
            throw new IllegalArgumentException("bands * rows exceeds permutations");
        }
        if (shingleWords < 1 || winnowWindow < 1 || bands < 1 || rows < 1 || maxPassagePartners < 1) {
            throw new IllegalArgumentException("sizes must be positive");
        }
        if (commonPhraseArticles < 1 || commonPhraseArticles >= bucketCap) {
            // The articles holding a phrase when it becomes common are found through its fingerprint's bucket.
            throw new IllegalArgumentException("commonPhraseArticles must be in [1, bucketCap)");
        }
    }

    public static DedupConfig defaults() {
        return new DedupConfig(5, 128, 32, 4, 0.7, 0.9, 0.5, 64, 64, 16, 4, 12, 8, 5, 8, 20,
                Duration.ofDays(30), 200, 50, 40, "dedup-1");
    }

    public DedupConfig withJaccardThreshold(double t) {
        return new DedupConfig(shingleWords, permutations, bands, rows, t, containmentThreshold,
                containmentMinRatio, bucketCap, maxCandidates, maxPassagePartners, winnowWindow, minPassageWords, minLongestRun,
                minSubstantiveWords, maxChainGap, regionGap, horizon, maxComponentArticles, commonPhraseArticles,
                boilerplateMaxWords, algorithmVersion);
    }

    public DedupConfig withContainmentThreshold(double t) {
        return new DedupConfig(shingleWords, permutations, bands, rows, jaccardThreshold, t,
                containmentMinRatio, bucketCap, maxCandidates, maxPassagePartners, winnowWindow, minPassageWords, minLongestRun,
                minSubstantiveWords, maxChainGap, regionGap, horizon, maxComponentArticles, commonPhraseArticles,
                boilerplateMaxWords, algorithmVersion);
    }

    public DedupConfig withHorizon(Duration newHorizon) {
        return new DedupConfig(shingleWords, permutations, bands, rows, jaccardThreshold, containmentThreshold,
                containmentMinRatio, bucketCap, maxCandidates, maxPassagePartners, winnowWindow, minPassageWords, minLongestRun,
                minSubstantiveWords, maxChainGap, regionGap, newHorizon, maxComponentArticles, commonPhraseArticles,
                boilerplateMaxWords, algorithmVersion);
    }

    public DedupConfig withBanding(int newBands, int newRows) {
        return new DedupConfig(shingleWords, permutations, newBands, newRows, jaccardThreshold,
                containmentThreshold, containmentMinRatio, bucketCap, maxCandidates, maxPassagePartners, winnowWindow, minPassageWords,
                minLongestRun, minSubstantiveWords, maxChainGap, regionGap, horizon, maxComponentArticles, commonPhraseArticles,
                boilerplateMaxWords, algorithmVersion);
    }

    public DedupConfig withCommonPhrases(int articles, int maxWords) {
        return new DedupConfig(shingleWords, permutations, bands, rows, jaccardThreshold, containmentThreshold,
                containmentMinRatio, bucketCap, maxCandidates, maxPassagePartners, winnowWindow, minPassageWords, minLongestRun,
                minSubstantiveWords, maxChainGap, regionGap, horizon, maxComponentArticles, articles, maxWords,
                algorithmVersion);
    }

    public DedupConfig withMaxPassagePartners(int partners) {
        return new DedupConfig(shingleWords, permutations, bands, rows, jaccardThreshold, containmentThreshold,
                containmentMinRatio, bucketCap, maxCandidates, partners, winnowWindow, minPassageWords, minLongestRun,
                minSubstantiveWords, maxChainGap, regionGap, horizon, maxComponentArticles, commonPhraseArticles,
                boilerplateMaxWords, algorithmVersion);
    }

    /** Probability that a pair of Jaccard similarity s shares at least one band: 1 - (1 - s^r)^b. */
    public double candidateProbability(double s) {
        return 1.0 - Math.pow(1.0 - Math.pow(s, rows), bands);
    }
}
