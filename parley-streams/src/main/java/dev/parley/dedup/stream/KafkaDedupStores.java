package dev.parley.dedup.stream;

import dev.parley.dedup.ArticleDecision;
import dev.parley.dedup.PassageMatch;
import dev.parley.dedup.Statement;
import dev.parley.dedup.store.DedupStores;
import dev.parley.dedup.store.KeyValueStore;
import dev.parley.dedup.store.Posting;
import dev.parley.dedup.store.StoredArticle;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/** The core's {@link DedupStores} on the stage's Kafka Streams stores. */
final class KafkaDedupStores implements DedupStores {

    private final KeyValueStore<String, StoredArticle> articles;
    private final KeyValueStore<String, List<Posting>> postings;
    private final KeyValueStore<String, ArticleDecision> decisions;
    private final KeyValueStore<String, List<PassageMatch>> passages;
    private final KeyValueStore<String, Statement> statements;
    private final KeyValueStore<String, List<String>> statementsByArticle;
    private final KeyValueStore<String, Integer> phraseArticles;
    private final KeyValueStore<String, List<String>> expiryIndex;

    KafkaDedupStores(ProcessorContext<?, ?> context) {
        this.articles = new TextFromSources(wrap(context, DedupStoreNames.ARTICLES),
                wrap(context, DedupStoreNames.SOURCES));
        this.postings = wrap(context, DedupStoreNames.POSTINGS);
        this.decisions = wrap(context, DedupStoreNames.DECISIONS);
        this.passages = wrap(context, DedupStoreNames.PASSAGES);
        this.statements = wrap(context, DedupStoreNames.STATEMENTS);
        this.statementsByArticle = wrap(context, DedupStoreNames.STATEMENTS_BY_ARTICLE);
        this.phraseArticles = wrap(context, DedupStoreNames.PHRASE_ARTICLES);
        this.expiryIndex = wrap(context, DedupStoreNames.EXPIRY_INDEX);
    }

    static <V> KeyValueStore<String, V> wrap(ProcessorContext<?, ?> context, String name) {
        return new StreamsKeyValueStore<>(context.getStateStore(name));
    }

    @Override
    public KeyValueStore<String, StoredArticle> articles() {
        return articles;
    }

    @Override
    public KeyValueStore<String, List<Posting>> postings() {
        return postings;
    }

    @Override
    public KeyValueStore<String, ArticleDecision> decisions() {
        return decisions;
    }

    @Override
    public KeyValueStore<String, List<PassageMatch>> passages() {
        return passages;
    }

    @Override
    public KeyValueStore<String, Statement> statements() {
        return statements;
    }

    @Override
    public KeyValueStore<String, List<String>> statementsByArticle() {
        return statementsByArticle;
    }

    @Override
    public KeyValueStore<String, Integer> phraseArticles() {
        return phraseArticles;
    }

    @Override
    public KeyValueStore<String, List<String>> expiryIndex() {
        return expiryIndex;
    }
}
