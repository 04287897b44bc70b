package dev.parley.dedup;

import java.util.List;

/**
 * What one arrival changes, for the Kafka layer to publish.
 *
 * @param decision             the arriving article's decision (for a replay, its current stored decision)
 * @param corrections          other articles whose canonical changed because an earlier copy arrived late
 * @param newPassages          passage matches found for the arriving article
 * @param upsertedStatements   statements created or changed (publish keyed by id)
 * @param retractedStatementIds statements that no longer exist (merged or re-identified): publish tombstones
 * @param replay               the same article id was already indexed: nothing changed
 * @param boilerplate          the arriving article's boilerplate as the index knew it on arrival (common phrases
 *                             left out of its alignment)
 */
public record DedupResult(
        ArticleDecision decision,
        List<ArticleDecision> corrections,
        List<PassageMatch> newPassages,
        List<Statement> upsertedStatements,
        List<String> retractedStatementIds,
        boolean replay,
        List<Boilerplate> boilerplate) {
}
