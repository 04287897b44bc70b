package dev.parley.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.dedup.store.DedupStores;
import dev.parley.dedup.store.InMemoryDedupStores;
import dev.parley.dedup.store.KeyValueStore;
import dev.parley.dedup.store.Posting;
import dev.parley.dedup.store.StoredArticle;
import dev.parley.dedup.store.WriteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The engine plans every change of an arrival first; the stores change only when the whole plan is applied. */
class PlanThenApplyTest {

    private final List<Seeds.SeedArticle> seeds = Seeds.load();

    @Test
    void planningChangesNoStoreAndApplyingThePlanEqualsIngesting() {
        InMemoryDedupStores planned = new InMemoryDedupStores();
        InMemoryDedupStores ingested = new InMemoryDedupStores();
        DedupEngine planner = new DedupEngine(DedupConfig.defaults(), planned);
        DedupEngine ingester = new DedupEngine(DedupConfig.defaults(), ingested);
        // The seeds, then a late earlier copy of one of them: passages, statements and a correction all change.
        List<Seeds.SeedArticle> input = new java.util.ArrayList<>(seeds);
        Seeds.SeedArticle second = seeds.get(1);
        input.add(new Seeds.SeedArticle("late", "late-earlier-copy", second.publishedAtMillis() - 1, second.text()));
        for (Seeds.SeedArticle s : input) {
            Map<String, Object> before = snapshot(planned);
            DedupPlan plan = planner.plan(s.id(), Instant.ofEpochMilli(s.publishedAtMillis()), s.text());
            assertThat(snapshot(planned)).as("stores after planning " + s.id()).isEqualTo(before);
            assertThat(plan.writes().isEmpty()).isFalse();

            plan.writes().apply();
            DedupResult direct = ingester.ingest(s.id(), Instant.ofEpochMilli(s.publishedAtMillis()), s.text());
            assertThat(plan.result()).isEqualTo(direct);
            assertThat(snapshot(planned)).as("stores after applying " + s.id()).isEqualTo(snapshot(ingested));
        }
        assertThat(planner.plan("late-earlier-copy", Instant.ofEpochMilli(second.publishedAtMillis() - 1),
                second.text()).result().replay()).isTrue();
        assertThat(ingested.statements().size()).isPositive();
    }

    @Test
    void aDiscardedPlanLeavesNoTraceAndTheRetryIsDecidedNormally() {
        InMemoryDedupStores stores = new InMemoryDedupStores();
        DedupEngine engine = new DedupEngine(DedupConfig.defaults(), stores);
        Seeds.SeedArticle original = seeds.get(1);
        engine.ingest(original.id(), Instant.ofEpochMilli(original.publishedAtMillis()), original.text());
        Instant copyAt = Instant.ofEpochMilli(original.publishedAtMillis() + 60_000);

        Map<String, Object> before = snapshot(stores);
        engine.plan("copy", copyAt, original.text()); // planned, then dropped: as if the caller threw before apply
        assertThat(snapshot(stores)).isEqualTo(before);

        DedupResult retry = engine.ingest("copy", copyAt, original.text());
        assertThat(retry.replay()).isFalse();
        assertThat(retry.decision().kind()).isEqualTo(ArticleDecision.Kind.EXACT_COPY);
        assertThat(retry.decision().canonicalId()).isEqualTo(original.id());
    }

    @Test
    void aStoreThatFailsMidIngestionLeavesEveryStoreAsItWas() {
        InMemoryDedupStores real = new InMemoryDedupStores();
        FailingPassages failing = new FailingPassages(real);
        DedupEngine engine = new DedupEngine(DedupConfig.defaults(), failing);
        Seeds.SeedArticle first = seeds.get(1);
        Seeds.SeedArticle partner = seeds.get(2);
        engine.ingest(first.id(), Instant.ofEpochMilli(first.publishedAtMillis()), first.text());
        assertThat(real.passages().size()).as("the first article alone has no passage partner").isZero();

        // The passage level reads the passages store only after the article, its postings and its decision are
        // planned: a failure there used to leave those written.
        Map<String, Object> before = snapshot(real);
        failing.failNextRead = true;
        assertThatThrownBy(() -> engine.ingest(partner.id(), Instant.ofEpochMilli(partner.publishedAtMillis()),
                partner.text())).isInstanceOf(IllegalStateException.class);
        assertThat(failing.failNextRead).as("the failure was reached").isFalse();
        assertThat(snapshot(real)).isEqualTo(before);
        assertThat(real.articles().get(partner.id())).isEmpty();

        DedupResult retry = engine.ingest(partner.id(), Instant.ofEpochMilli(partner.publishedAtMillis()),
                partner.text());
        assertThat(retry.replay()).isFalse();
        assertThat(retry.decision().kind()).isEqualTo(ArticleDecision.Kind.UNIQUE);
        assertThat(retry.newPassages()).isNotEmpty();
    }

    @Test
    void expiryIsPlannedTooAndApplyingItEqualsExpiringDirectly() {
        InMemoryDedupStores planned = new InMemoryDedupStores();
        InMemoryDedupStores direct = new InMemoryDedupStores();
        DedupEngine planner = new DedupEngine(DedupConfig.defaults(), planned);
        DedupEngine expirer = new DedupEngine(DedupConfig.defaults(), direct);
        for (Seeds.SeedArticle s : seeds) {
            planner.ingest(s.id(), Instant.ofEpochMilli(s.publishedAtMillis()), s.text());
            expirer.ingest(s.id(), Instant.ofEpochMilli(s.publishedAtMillis()), s.text());
        }
        // Past the horizon of the seeds dated 11 and 12 January only: the rest, and their statements, stay.
        Instant now = Instant.parse("2026-01-13T00:00:00Z").plus(DedupConfig.defaults().horizon());

        Map<String, Object> before = snapshot(planned);
        WriteBuffer buffer = new WriteBuffer();
        int expired = planner.expire(buffer, now);
        assertThat(snapshot(planned)).as("stores after planning the expiry").isEqualTo(before);
        buffer.writes().apply();

        assertThat(expired).isEqualTo(expirer.expire(now)).isEqualTo(2);
        assertThat(snapshot(planned)).isEqualTo(snapshot(direct)).isNotEqualTo(before);
    }

    private static Map<String, Object> snapshot(InMemoryDedupStores s) {
        return Map.of("articles", s.articles().snapshot(), "postings", s.postings().snapshot(),
                "decisions", s.decisions().snapshot(), "passages", s.passages().snapshot(),
                "statements", s.statements().snapshot(), "statementsByArticle", s.statementsByArticle().snapshot(),
                "phraseArticles", s.phraseArticles().snapshot(), "expiryIndex", s.expiryIndex().snapshot());
    }

    /** The in-memory stores, but the passages store can be told to fail its next read. */
    private static final class FailingPassages implements DedupStores {
        private final InMemoryDedupStores real;
        boolean failNextRead;

        FailingPassages(InMemoryDedupStores real) {
            this.real = real;
        }

        @Override
        public KeyValueStore<String, StoredArticle> articles() {
            return real.articles();
        }

        @Override
        public KeyValueStore<String, List<Posting>> postings() {
            return real.postings();
        }

        @Override
        public KeyValueStore<String, ArticleDecision> decisions() {
            return real.decisions();
        }

        @Override
        public KeyValueStore<String, Integer> phraseArticles() {
            return real.phraseArticles();
        }

        @Override
        public KeyValueStore<String, List<String>> expiryIndex() {
            return real.expiryIndex();
        }

        @Override
        public KeyValueStore<String, List<PassageMatch>> passages() {
            KeyValueStore<String, List<PassageMatch>> passages = real.passages();
            return new KeyValueStore<>() {
                @Override
                public Optional<List<PassageMatch>> get(String key) {
                    if (failNextRead) {
                        failNextRead = false;
                        throw new IllegalStateException("injected read failure");
                    }
                    return passages.get(key);
                }

                @Override
                public void put(String key, List<PassageMatch> value) {
                    passages.put(key, value);
                }

                @Override
                public void delete(String key) {
                    passages.delete(key);
                }

                @Override
                public void forEach(BiConsumer<String, List<PassageMatch>> action) {
                    passages.forEach(action);
                }
            };
        }

        @Override
        public KeyValueStore<String, Statement> statements() {
            return real.statements();
        }

        @Override
        public KeyValueStore<String, List<String>> statementsByArticle() {
            return real.statementsByArticle();
        }
    }
}
