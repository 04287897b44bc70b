package dev.parley.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.dedup.store.InMemoryDedupStores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionsTest {

    private static final Instant T0 = Instant.parse("2026-01-15T12:00:00Z");
    private final InMemoryDedupStores stores = new InMemoryDedupStores();
    private final DedupEngine engine = new DedupEngine(DedupConfig.defaults(), stores);
    private final String text = Seeds.load().get(1).text();

    @Test
    void aLateEarlierCopyBecomesCanonicalAndThePreviousOneIsCorrected() {
        DedupResult first = engine.ingest("later", T0.plus(Duration.ofHours(5)), text);
        assertThat(first.decision().kind()).isEqualTo(ArticleDecision.Kind.UNIQUE);
        DedupResult second = engine.ingest("earlier", T0, "  " + text.toUpperCase() + "  ");
        assertThat(second.decision().kind()).isEqualTo(ArticleDecision.Kind.UNIQUE);
        assertThat(second.corrections()).singleElement().satisfies(c -> {
            assertThat(c.articleId()).isEqualTo("later");
            assertThat(c.kind()).isEqualTo(ArticleDecision.Kind.EXACT_COPY);
            assertThat(c.canonicalId()).isEqualTo("earlier");
            assertThat(c.algorithmVersion()).isEqualTo(DedupConfig.defaults().algorithmVersion());
        });
    }

    @Test
    void reingestingTheSameIdChangesNothing() {
        engine.ingest("a", T0, text);
        var before = stores.postings().snapshot();
        DedupResult again = engine.ingest("a", T0, text);
        assertThat(again.replay()).isTrue();
        assertThat(stores.postings().snapshot()).isEqualTo(before);
    }

    @Test
    void anEditedCopyIsANearDuplicateWithItsSimilarityAndThresholds() {
        engine.ingest("orig", T0, text);
        String edited = "Última hora\n\n" + text.replace("Ciudad de México", "CDMX") + "\nCon información de agencias.";
        DedupResult r = engine.ingest("edited", T0.plusSeconds(60), edited);
        assertThat(r.decision().kind()).isEqualTo(ArticleDecision.Kind.NEAR_DUPLICATE);
        assertThat(r.decision().canonicalId()).isEqualTo("orig");
        assertThat(r.decision().jaccard()).isBetween(0.7, 0.999);
        assertThat(r.decision().method()).isEqualTo("minhash-lsh+jaccard");
        assertThat(r.decision().jaccardThreshold()).isEqualTo(0.7);
    }

    @Test
    void aCopyOutsideTheHorizonIsUniqueAndExpiryDropsOldEntries() {
        engine.ingest("old", T0, text);
        DedupResult r = engine.ingest("much-later", T0.plus(Duration.ofDays(31)), text);
        assertThat(r.decision().kind()).isEqualTo(ArticleDecision.Kind.UNIQUE);
        assertThat(engine.expire(T0.plus(Duration.ofDays(31)))).isEqualTo(1);
        assertThat(stores.articles().snapshot()).containsOnlyKeys("much-later");
        assertThat(stores.postings().snapshot().values())
                .allMatch(list -> list.stream().noneMatch(p -> p.articleId().equals("old")));
    }

    @Test
    void independentOriginsCollapseCopiesButNotPartialReprints() {
        List<Seeds.SeedArticle> seeds = Seeds.load();
        for (Seeds.SeedArticle s : seeds) {
            engine.ingest(s.id(), Instant.ofEpochMilli(s.publishedAtMillis()), s.text());
        }
        engine.ingest("copy-of-first", Instant.ofEpochMilli(seeds.get(1).publishedAtMillis() + 1), seeds.get(1).text());
        List<String> story = List.of(seeds.get(1).id(), seeds.get(2).id(), seeds.get(4).id(), "copy-of-first");
        int origins = IndependentOrigins.count(story, stores.decisions()::get, stores.statements().snapshot().values());
        assertThat(origins).isEqualTo(3);
    }

    @Test
    void aShortArticleMadeOfAReprintedPassageIsWhollyDerivedAndNoIndependentOrigin() {
        Seeds.SeedArticle source = Seeds.load().get(2);
        int start = source.text().indexOf("Los próximos compromisos");
        String quote = source.text().substring(start, source.text().indexOf("frontera", start) + "frontera".length());
        engine.ingest(source.id(), Instant.ofEpochMilli(source.publishedAtMillis()), source.text());
        DedupResult r = engine.ingest("brief", Instant.ofEpochMilli(source.publishedAtMillis() + 60_000),
                "Washington exige: " + quote + ".");
        assertThat(r.decision().kind()).isEqualTo(ArticleDecision.Kind.UNIQUE);
        Statement statement = r.upsertedStatements().get(0);
        assertThat(statement.canonicalArticleId()).isEqualTo(source.id());
        assertThat(statement.labelFor("brief").derivation()).isEqualTo(MeterLabel.Derivation.WHOLLY);
        assertThat(statement.labelFor(source.id()).derivation()).isEqualTo(MeterLabel.Derivation.PARTIALLY);
        assertThat(statement.labelFor("unrelated").derivation()).isEqualTo(MeterLabel.Derivation.NON);
        assertThat(IndependentOrigins.count(List.of(source.id(), "brief"), stores.decisions()::get,
                stores.statements().snapshot().values())).isEqualTo(1);
    }
}
