package dev.parley.dedup;

/**
 * The current verdict on one article, as logged to the decision log: enough to replay and compare ("why was this
 * dropped?").
 *
 * @param canonicalId  the earliest (publishedAt, id) article it duplicates; itself when unique
 * @param jaccard      exact shingle Jaccard with the canonical (1.0 when unique or an exact copy)
 * @param containment  share of the smaller shingle set inside the larger (1.0 when unique or an exact copy)
 * @param method       how it was decided: "unique", "exact-text", "minhash-lsh+jaccard", "minhash-lsh+containment"
 */
public record ArticleDecision(
        String articleId,
        long publishedAtMillis,
        Kind kind,
        String canonicalId,
        double jaccard,
        double containment,
        String method,
        double jaccardThreshold,
        double containmentThreshold,
        String algorithmVersion) {

    public enum Kind {
        UNIQUE, EXACT_COPY, NEAR_DUPLICATE;

        public boolean isCopy() {
            return this != UNIQUE;
        }
    }
}
