package dev.parley.dedup;

/**
 * A passage shared nearly word for word by two articles. Char spans are in the original texts (end exclusive);
 * word spans (inclusive) index the articles' token lists. Side A is the article with the smaller id.
 *
 * @param matchedWords words covered by shared shingles (the smaller of the two sides)
 * @param similarity   matched words over span words, both sides (1.0 = verbatim)
 */
public record PassageMatch(
        String articleA, int charStartA, int charEndA, int wordStartA, int wordEndA,
        String articleB, int charStartB, int charEndB, int wordStartB, int wordEndB,
        int matchedWords, double similarity) {

    public String partnerOf(String articleId) {
        return articleA.equals(articleId) ? articleB : articleA;
    }

    public boolean involves(String articleId) {
        return articleA.equals(articleId) || articleB.equals(articleId);
    }
}
