package dev.parley.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.dedup.store.InMemoryDedupStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Common-phrase suppression (README "Common phrases"): a short phrase carried by more than
 * {@link DedupConfig#commonPhraseArticles()} distinct articles is boilerplate and never makes a statement, while a
 * long text reprinted by as many outlets still does.
 */
class CommonPhrasesTest {

    /** A wire dateline and agency credit of 19 words, with enough content words to pass the passage filters. */
    static final String DATELINE = "Agencia Meridiano, servicio internacional: despacho distribuido a los abonados "
            + "del servicio informativo para su publicación inmediata y sin cambios.";

    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    private record Input(String id, Instant at, String text) {
    }

    /** Words no two generated texts share by chance: sentences of pseudo-words from one seeded generator. */
    private static String prose(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            StringBuilder w = new StringBuilder();
            int len = 4 + random.nextInt(6);
            for (int c = 0; c < len; c++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            sb.append(i == 0 ? "" : (i % 11 == 0 ? ". " : " ")).append(w);
        }
        return sb.append('.').toString();
    }

    private static List<Input> datelineCorpus(int articles, Random random) {
        List<Input> in = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            in.add(new Input(String.format("wire-%04d", i), START.plusSeconds(600L * i),
                    DATELINE + "\n\n" + prose(random, 60 + random.nextInt(60))));
        }
        return in;
    }

    private static Map<String, Object> run(DedupEngine engine, InMemoryDedupStores stores, List<Input> inputs,
                                           List<DedupResult> results) {
        for (Input in : inputs) {
            results.add(engine.ingest(in.id(), in.at(), in.text()));
        }
        Map<String, Object> state = new TreeMap<>();
        state.put("passages", stores.passages().snapshot());
        state.put("statements", stores.statements().snapshot());
        state.put("statementsByArticle", stores.statementsByArticle().snapshot());
        state.put("phraseArticles", stores.phraseArticles().snapshot());
        return state;
    }

    @Test
    void aDatelineSharedByManySmallArticlesNeverMakesAStatementInAnyOrder() {
        List<Input> corpus = datelineCorpus(300, new Random(13));
        InMemoryDedupStores stores = new InMemoryDedupStores();
        List<DedupResult> results = new ArrayList<>();
        Map<String, Object> inOrder = run(new DedupEngine(DedupConfig.defaults(), stores), stores, corpus, results);

        assertThat(stores.statements().snapshot()).as("the dateline made a statement").isEmpty();
        assertThat(stores.passages().snapshot()).isEmpty();
        // Every article after the first 50 sees the dateline as boilerplate, and the decision log says where it is.
        int threshold = DedupConfig.defaults().commonPhraseArticles();
        for (DedupResult r : results.subList(threshold + 1, results.size())) {
            assertThat(r.newPassages()).isEmpty();
            assertThat(r.boilerplate()).hasSize(1);
            Boilerplate b = r.boilerplate().get(0);
            // Winnowing keeps one shingle in four: the span starts within three words of the phrase.
            assertThat(b.charStart()).isLessThanOrEqualTo("Agencia Meridiano, servicio internacional: ".length());
            assertThat(b.charEnd()).isBetween(DATELINE.length() - 25, DATELINE.length());
            assertThat(b.articles()).isGreaterThan(threshold);
        }
        // Before the phrase was common the early articles did form a statement, and it was retracted.
        assertThat(results.stream().flatMap(r -> r.upsertedStatements().stream())).isNotEmpty();
        assertThat(results.stream().flatMap(r -> r.retractedStatementIds().stream())).isNotEmpty();

        List<Input> shuffled = new ArrayList<>(corpus);
        Collections.shuffle(shuffled, new Random(7));
        InMemoryDedupStores other = new InMemoryDedupStores();
        assertThat(run(new DedupEngine(DedupConfig.defaults(), other), other, shuffled, new ArrayList<>()))
                .isEqualTo(inOrder);
    }

    @Test
    void aLongCommuniqueReprintedByTwoHundredOutletsStillMakesOneStatementWithoutTheDateline() {
        Random random = new Random(29);
        String communique = prose(random, 90);
        String[] words = communique.split(" ");
        List<Input> corpus = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String reprint = communique;
            if (i % 2 == 1) {
                // Half the outlets change one word: the common run must not break into short pieces there.
                String[] edited = words.clone();
                int at = 10 + random.nextInt(words.length - 20);
                edited[at] = "cambiado" + i;
                reprint = String.join(" ", edited);
            }
            corpus.add(new Input(String.format("outlet-%03d", i), START.plusSeconds(300L * i), DATELINE + "\n\n"
                    + prose(random, 50) + "\n\n" + reprint + "\n\n" + prose(random, 40)));
        }
        InMemoryDedupStores stores = new InMemoryDedupStores();
        List<DedupResult> results = new ArrayList<>();
        run(new DedupEngine(DedupConfig.defaults(), stores), stores, corpus, results);

        assertThat(results).allMatch(r -> r.decision().kind() == ArticleDecision.Kind.UNIQUE);
        assertThat(stores.statements().snapshot()).hasSize(1);
        Statement statement = stores.statements().snapshot().values().iterator().next();
        assertThat(statement.canonicalArticleId()).isEqualTo("outlet-000");
        assertThat(statement.canonicalText()).contains(String.join(" ", List.of(words).subList(20, 70)))
                .doesNotContain("Agencia Meridiano");
        assertThat(statement.articleIds()).hasSize(DedupConfig.defaults().maxComponentArticles());
        // The communiqué's own fingerprints are as common as the dateline's, but it is long: only the dateline is
        // boilerplate.
        assertThat(results.get(199).boilerplate()).hasSize(1);
        assertThat(results.get(199).boilerplate().get(0).charEnd()).isLessThanOrEqualTo(DATELINE.length());
    }
}
