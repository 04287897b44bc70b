package dev.parley.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.dedup.store.DedupStores;
import dev.parley.dedup.store.InMemoryDedupStores;
import dev.parley.dedup.store.KeyValueStore;
import dev.parley.dedup.store.Posting;
import dev.parley.dedup.store.StoredArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Expiry reads the time index up to its cutoff and removes each expired article from the buckets its text puts it
 * in: the same final state as the scan it replaces, without scanning the articles or the postings (after the one
 * scan that enters an index written before the time index existed).
 */
class ExpiryIndexTest {

    private static final Instant T0 = Instant.parse("2026-01-15T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void expiryScansOnceToEnterTheIndexThenNeverAndMatchesTheScanningResult() {
        List<Seeds.SeedArticle> seeds = Seeds.load();
        InMemoryDedupStores real = new InMemoryDedupStores();
        ScanCounting counting = new ScanCounting(real);
        DedupEngine engine = new DedupEngine(DedupConfig.defaults(), counting);
        for (int i = 0; i < seeds.size(); i++) {
            engine.ingest("early-" + i, T0.plus(DAY.multipliedBy(i)), seeds.get(i).text());
        }
        assertThat(engine.expire(T0.minus(DAY))).isZero();
        int scansToEnter = counting.scans;
        for (int i = 0; i < seeds.size(); i++) {
            engine.ingest("late-" + i, T0.plus(DAY.multipliedBy(40 + i)), seeds.get(i).text());
        }
        // Cutoff = now - 30 days: the first three early articles go, the rest stay.
        assertThat(engine.expire(T0.plus(DAY.multipliedBy(33)))).isEqualTo(3);
        assertThat(counting.scans).as("no scan once the index is entered").isEqualTo(scansToEnter);

        assertThat(real.articles().snapshot()).doesNotContainKeys("early-0", "early-1", "early-2")
                .containsKeys("early-3", "early-4", "late-0");
        for (List<Posting> bucket : real.postings().snapshot().values()) {
            assertThat(bucket).noneMatch(p -> p.publishedAtMillis() < T0.plus(DAY.multipliedBy(3)).toEpochMilli());
        }
        assertThat(real.expiryIndex().snapshot().keySet()).hasSize(1 + seeds.size() * 2 - 3);
        assertThat(real.decisions().snapshot().keySet()).isEqualTo(real.articles().snapshot().keySet());
        assertThat(real.passages().snapshot().keySet()).allMatch(real.articles().snapshot()::containsKey);
    }

    @Test
    void anIndexWrittenBeforeTheTimeIndexExpiresLikeANewOne() {
        List<Seeds.SeedArticle> seeds = Seeds.load();
        InMemoryDedupStores legacy = new InMemoryDedupStores();
        InMemoryDedupStores fresh = new InMemoryDedupStores();
        DedupEngine old = new DedupEngine(DedupConfig.defaults(), legacy);
        DedupEngine now = new DedupEngine(DedupConfig.defaults(), fresh);
        for (int i = 0; i < seeds.size(); i++) {
            old.ingest("a-" + i, T0.plus(DAY.multipliedBy(i)), seeds.get(i).text());
            now.ingest("a-" + i, T0.plus(DAY.multipliedBy(i)), seeds.get(i).text());
        }
        // What a build before the time index left: the same stores without it.
        legacy.expiryIndex().snapshot().keySet().forEach(legacy.expiryIndex()::delete);

        Instant cutoffPlusHorizon = T0.plus(DAY.multipliedBy(32));
        assertThat(old.expire(cutoffPlusHorizon)).isEqualTo(now.expire(cutoffPlusHorizon)).isEqualTo(2);
        assertThat(legacy.articles().snapshot()).isEqualTo(fresh.articles().snapshot());
        assertThat(legacy.postings().snapshot()).isEqualTo(fresh.postings().snapshot());
        assertThat(legacy.phraseArticles().snapshot()).isEqualTo(fresh.phraseArticles().snapshot());
        assertThat(legacy.expiryIndex().snapshot()).isEqualTo(fresh.expiryIndex().snapshot());
    }

    /** Counts full scans of the two stores an index-wide expiry used to read. */
    private static final class ScanCounting implements DedupStores {
        private final InMemoryDedupStores real;
        int scans;

        ScanCounting(InMemoryDedupStores real) {
            this.real = real;
        }

        private <V> KeyValueStore<String, V> counted(KeyValueStore<String, V> store) {
            return new KeyValueStore<>() {
                @Override
                public Optional<V> get(String key) {
                    return store.get(key);
                }

                @Override
                public void put(String key, V value) {
                    store.put(key, value);
                }

                @Override
                public void delete(String key) {
                    store.delete(key);
                }

                @Override
                public void forEach(BiConsumer<String, V> action) {
                    scans++;
                    store.forEach(action);
                }
            };
        }

        @Override
        public KeyValueStore<String, StoredArticle> articles() {
            return counted(real.articles());
        }

        @Override
        public KeyValueStore<String, List<Posting>> postings() {
            return counted(real.postings());
        }

        @Override
        public KeyValueStore<String, ArticleDecision> decisions() {
            return real.decisions();
        }

        @Override
        public KeyValueStore<String, List<PassageMatch>> passages() {
            return real.passages();
        }

        @Override
        public KeyValueStore<String, Statement> statements() {
            return real.statements();
        }

        @Override
        public KeyValueStore<String, List<String>> statementsByArticle() {
            return real.statementsByArticle();
        }

        @Override
        public KeyValueStore<String, Integer> phraseArticles() {
            return real.phraseArticles();
        }

        @Override
        public KeyValueStore<String, List<String>> expiryIndex() {
            return real.expiryIndex();
        }
    }
}
