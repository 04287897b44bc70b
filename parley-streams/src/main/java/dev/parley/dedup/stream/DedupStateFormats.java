package dev.parley.dedup.stream;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.parley.dedup.ArticleDecision;
import dev.parley.dedup.PassageMatch;
import dev.parley.dedup.Statement;
import dev.parley.dedup.store.Posting;
import dev.parley.dedup.store.StoredArticle;
import dev.parley.kafka.serde.StateFormat;
import dev.parley.kafka.serde.StateFormat.Upgrades;
import java.util.List;

/** The dedup stage's stored types (store values); golden samples of every version are under test resources. */
public final class DedupStateFormats {

    /**
     * Version 2 adds the packed analysis (word offsets and positional shingle hashes). A version-1 value upgrades to
     * an empty analysis: that article is analysed from its text when read, as before, so an older index needs no
     * rebuild (it is re-packed only as articles arrive and expire).
     */
    public static final StateFormat<StoredArticle> STORED_ARTICLE = StateFormat.of("dedup.stored-article", StoredArticle.class)
            .upgradeFrom(0, Upgrades::unchanged)
            .upgradeFrom(1, tree -> ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("analysis", ""))
            .build();
    public static final StateFormat<List<Posting>> POSTINGS = StateFormat.of("dedup.postings", new TypeReference<List<Posting>>() { })
            .upgradeFrom(0, Upgrades::unchanged)
            .build();
    public static final StateFormat<ArticleDecision> DECISION = StateFormat.of("dedup.decision", ArticleDecision.class)
            .upgradeFrom(0, Upgrades::unchanged)
            .build();
    public static final StateFormat<List<PassageMatch>> PASSAGES = StateFormat.of("dedup.passages", new TypeReference<List<PassageMatch>>() { })
            .upgradeFrom(0, Upgrades::unchanged)
            .build();
    public static final StateFormat<Statement> STATEMENT = StateFormat.of("dedup.statement", Statement.class)
            .upgradeFrom(0, Upgrades::unchanged)
            .build();

    /** Added with common-phrase suppression; version 0 never existed on disk (the upgrade only adds the envelope). */
    public static final StateFormat<Integer> PHRASE_ARTICLES = StateFormat.of("dedup.phrase-articles", Integer.class)
            .upgradeFrom(0, Upgrades::unchanged)
            .build();

    private DedupStateFormats() {
    }

    public static List<StateFormat<?>> all() {
        return List.of(STORED_ARTICLE, POSTINGS, DECISION, PASSAGES, STATEMENT, PHRASE_ARTICLES);
    }
}
