package dev.parley.dedup;

import java.util.List;

/**
 * A passage that several articles reprint nearly word for word. The id is a function of the canonical article
 * and its normalised text, so any order of arrival gives the same id once the same articles are in.
 *
 * @param canonicalArticleId earliest (publishedAt, id) article carrying it
 * @param canonicalText      the canonical article's reprinted regions, joined by " […] "
 * @param firstSeenMillis    publishedAt of the canonical article
 * @param reprints           every region in every article, earliest article first
 * @param labels             METER label of each article carrying it
 */
public record Statement(
        String id,
        String canonicalArticleId,
        String canonicalText,
        long firstSeenMillis,
        List<Reprint> reprints,
        List<MeterLabel> labels) {

    /** The METER label of any article against this statement: NON with share 0 when it does not carry it. */
    public MeterLabel labelFor(String articleId) {
        return labels.stream().filter(l -> l.articleId().equals(articleId)).findFirst()
                .orElse(new MeterLabel(articleId, id, MeterLabel.Derivation.NON, 0.0, false));
    }

    public List<String> articleIds() {
        return reprints.stream().map(Reprint::articleId).distinct().toList();
    }
}
