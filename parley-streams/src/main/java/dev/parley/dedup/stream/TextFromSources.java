package dev.parley.dedup.stream;

import dev.parley.avro.Article;
import dev.parley.dedup.store.KeyValueStore;
import dev.parley.dedup.store.StoredArticle;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The core's article store, holding the text once: the stage already keeps every ingested {@link Article} (for its
 * outputs), so {@code dedup-articles} stores each article's id, time and packed analysis with an empty text, and a read takes the
 * text from the article's source. Values an older build wrote with their text are read as they are.
 */
final class TextFromSources implements KeyValueStore<String, StoredArticle> {

    private final KeyValueStore<String, StoredArticle> articles;
    private final KeyValueStore<String, Article> sources;

    TextFromSources(KeyValueStore<String, StoredArticle> articles, KeyValueStore<String, Article> sources) {
        this.articles = articles;
        this.sources = sources;
    }

    @Override
    public Optional<StoredArticle> get(String key) {
        return articles.get(key).map(this::withText);
    }

    @Override
    public void put(String key, StoredArticle value) {
        articles.put(key, value.withText(""));
    }

    @Override
    public void delete(String key) {
        articles.delete(key);
    }

    @Override
    public void forEach(BiConsumer<String, StoredArticle> action) {
        articles.forEach((k, v) -> action.accept(k, withText(v)));
    }

    @Override
    public void range(String from, String to, BiConsumer<String, StoredArticle> action) {
        articles.range(from, to, (k, v) -> action.accept(k, withText(v)));
    }

    private StoredArticle withText(StoredArticle stored) {
        if (!stored.text().isEmpty()) {
            return stored;
        }
        String text = sources.get(stored.id()).map(Article::getBody).map(CharSequence::toString).orElse("");
        return stored.withText(text);
    }
}
