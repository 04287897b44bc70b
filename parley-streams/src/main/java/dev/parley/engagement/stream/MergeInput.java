package dev.parley.engagement.stream;

import dev.parley.avro.ReprintedStatement;

/**
 * What the merge task reads: an article's facts or a statement of the dedup stage (either may be a tombstone).
 * Statements are an input, not a global store, so that a statement arriving after its articles' facts marks their
 * events for a new count of independent origins.
 */
record MergeInput(Kind kind, ReportedFacts facts, ReprintedStatement statement) {

    enum Kind { FACTS, STATEMENT }

    static MergeInput facts(ReportedFacts facts) {
        return new MergeInput(Kind.FACTS, facts, null);
    }

    static MergeInput statement(ReprintedStatement statement) {
        return new MergeInput(Kind.STATEMENT, null, statement);
    }
}
