package dev.parley.dedup;

/**
 * METER-style derivation (Clough et al. 2002) of one article against one statement, with the share of the
 * article's words that lie in the statement's reprinted regions.
 */
public record MeterLabel(String articleId, String statementId, Derivation derivation, double share,
                         boolean canonical) {

    public enum Derivation { WHOLLY, PARTIALLY, NON }

    /** At least this share of the article reprinted counts as wholly derived (METER's annotators: "nearly all"). */
    public static final double WHOLLY_SHARE = 0.8;

    public static Derivation classify(double share) {
        if (share >= WHOLLY_SHARE) {
            return Derivation.WHOLLY;
        }
        return share > 0 ? Derivation.PARTIALLY : Derivation.NON;
    }
}
