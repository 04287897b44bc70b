package dev.parley.dedup.stream;

import dev.parley.dedup.AnalyzedArticle;
import dev.parley.dedup.ArticleDecision;
import dev.parley.dedup.DedupConfig;
import dev.parley.dedup.PackedAnalysis;
import dev.parley.dedup.MeterLabel;
import dev.parley.dedup.PassageMatch;
import dev.parley.dedup.Reprint;
import dev.parley.dedup.Statement;
import dev.parley.dedup.store.Posting;
import dev.parley.dedup.store.StoredArticle;
import dev.parley.kafka.serde.StateFormat;
import dev.parley.kafka.serde.StateHistoryContract;
import java.util.List;
import java.util.Map;

/** The recorded history of the dedup stage's store values. */
class DedupStateHistoryTest extends StateHistoryContract {

    @Override
    protected List<StateFormat<?>> formats() {
        return DedupStateFormats.all();
    }

    private static final AnalyzedArticle STORED = AnalyzedArticle.of("a-1f2e", 1_736_553_600_000L,
            "México y Estados Unidos acordaron una reunión de seguridad en Washington.",
            DedupConfig.defaults().shingleWords());

    /** Versions before 2 had no packed analysis: they read back with an empty one (analysed from the text). */
    @Override
    protected Object expected(String name, int version) {
        if (name.equals(DedupStateFormats.STORED_ARTICLE.name()) && version < 2) {
            return new StoredArticle(STORED.id(), STORED.publishedAtMillis(), STORED.text());
        }
        return super.expected(name, version);
    }

    @Override
    protected Map<String, Object> samples() {
        return Map.of(
                DedupStateFormats.PHRASE_ARTICLES.name(), 57,
                DedupStateFormats.STORED_ARTICLE.name(), new StoredArticle(STORED.id(), STORED.publishedAtMillis(),
                        STORED.text(), PackedAnalysis.pack(STORED, DedupConfig.defaults().shingleWords())),
                DedupStateFormats.POSTINGS.name(), List.of(new Posting("a-1f2e", 1_736_553_600_000L),
                        new Posting("a-77c0", 1_736_640_000_000L)),
                DedupStateFormats.DECISION.name(), new ArticleDecision("a-77c0", 1_736_640_000_000L,
                        ArticleDecision.Kind.NEAR_DUPLICATE, "a-1f2e", 0.93, 0.97, "minhash-lsh", 0.7, 0.8, "dedup-3"),
                DedupStateFormats.PASSAGES.name(), List.of(new PassageMatch("a-1f2e", 0, 120, 0, 18,
                        "a-9b10", 40, 161, 7, 25, 18, 0.88)),
                DedupStateFormats.STATEMENT.name(), new Statement("stmt-0a1b", "a-1f2e",
                        "acordaron una reunión de seguridad en Washington", 1_736_553_600_000L,
                        List.of(new Reprint("a-9b10", 40, 161, 0.88)),
                        List.of(new MeterLabel("a-1f2e", "stmt-0a1b", MeterLabel.Derivation.WHOLLY, 1.0, true),
                                new MeterLabel("a-9b10", "stmt-0a1b", MeterLabel.Derivation.PARTIALLY, 0.42, false))));
    }
}
