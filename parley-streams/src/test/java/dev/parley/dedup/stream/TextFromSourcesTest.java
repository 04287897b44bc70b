package dev.parley.dedup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.Article;
import dev.parley.dedup.store.InMemoryDedupStores;
import dev.parley.dedup.store.StoredArticle;
import dev.parley.ingest.Corpora;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The stage keeps an article's text once: in its source; the core's article store keeps id and time. */
class TextFromSourcesTest {

    private static final Path SAMPLES = Path.of(System.getProperty("parley.samples.dir", "../samples"));

    @Test
    void theArticleStoreHoldsNoTextAndReadsItFromTheSourceWhileOldValuesWithTextStayReadable() {
        Article source = Corpora.file(SAMPLES, "08_");
        InMemoryDedupStores.MapStore<StoredArticle> articles = new InMemoryDedupStores.MapStore<>();
        InMemoryDedupStores.MapStore<Article> sources = new InMemoryDedupStores.MapStore<>();
        TextFromSources store = new TextFromSources(articles, sources);

        sources.put(source.getId(), source);
        store.put(source.getId(), new StoredArticle(source.getId(), 1_000L, source.getBody()));

        assertThat(articles.get(source.getId())).contains(new StoredArticle(source.getId(), 1_000L, ""));
        assertThat(store.get(source.getId())).contains(new StoredArticle(source.getId(), 1_000L, source.getBody()));

        articles.put("written-by-an-older-build", new StoredArticle("written-by-an-older-build", 2_000L, "its text"));
        assertThat(store.get("written-by-an-older-build")).contains(
                new StoredArticle("written-by-an-older-build", 2_000L, "its text"));
    }
}
