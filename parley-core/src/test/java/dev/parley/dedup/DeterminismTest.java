package dev.parley.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.dedup.store.InMemoryDedupStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Property: final store contents depend only on the set of articles, not on order or repetition. Seeded random
 * permutations with repetitions of the seeds, of copies of them under new ids (some dated earlier, so the canonical
 * moves), and of the ingest samples when they exist.
 */
class DeterminismTest {

    private record Input(String id, long at, String text) {
    }

    @Test
    void anyOrderAndAnyRepetitionGiveTheSameFinalState() throws IOException {
        List<Input> inputs = corpus();
        Map<String, Object> reference = run(inputs);
        // The reference itself is the seed result: three statements, every original a copy of its earlier twin.
        assertThat(((Map<?, ?>) reference.get("statements")).values().stream().map(st -> (Statement) st)
                .filter(st -> st.canonicalArticleId().startsWith("early-"))).hasSize(3);
        Map<?, ?> decisions = (Map<?, ?>) reference.get("decisions");
        assertThat(decisions.values().stream().map(d -> (ArticleDecision) d)
                .filter(d -> d.kind() == ArticleDecision.Kind.UNIQUE).map(ArticleDecision::articleId))
                .allMatch(id -> id.startsWith("early-") || id.startsWith("sample-"));
        Random random = new Random(20260115L);
        for (int rep = 0; rep < 60; rep++) {
            List<Input> arrivals = new ArrayList<>();
            for (Input in : inputs) {
                int times = 1 + random.nextInt(3);
                for (int t = 0; t < times; t++) {
                    arrivals.add(in);
                }
            }
            Collections.shuffle(arrivals, random);
            assertThat(run(arrivals)).as("permutation %d", rep).isEqualTo(reference);
        }
    }

    // Same event time: the tie is broken by id, so the copies get ids that sort after the originals.
    @Test
    void seedsIngestedTwiceUnderNewIdsGiveFiveExactCopiesAndTheSameStatements() {
        InMemoryDedupStores once = new InMemoryDedupStores();
        DedupEngine engineOnce = new DedupEngine(DedupConfig.defaults(), once);
        InMemoryDedupStores twice = new InMemoryDedupStores();
        DedupEngine engineTwice = new DedupEngine(DedupConfig.defaults(), twice);
        for (Seeds.SeedArticle s : Seeds.load()) {
            engineOnce.ingest(s.id(), Instant.ofEpochMilli(s.publishedAtMillis()), s.text());
            engineTwice.ingest(s.id(), Instant.ofEpochMilli(s.publishedAtMillis()), s.text());
        }
        int copies = 0;
        for (Seeds.SeedArticle s : Seeds.load()) {
            DedupResult r = engineTwice.ingest("z-again-" + s.id(), Instant.ofEpochMilli(s.publishedAtMillis()), s.text());
            assertThat(r.decision().kind()).isEqualTo(ArticleDecision.Kind.EXACT_COPY);
            assertThat(r.decision().canonicalId()).isEqualTo(s.id());
            assertThat(r.upsertedStatements()).isEmpty();
            copies++;
        }
        assertThat(copies).isEqualTo(5);
        assertThat(twice.statements().snapshot()).isEqualTo(once.statements().snapshot());
    }

    private static List<Input> corpus() throws IOException {
        List<Input> inputs = new ArrayList<>();
        for (Seeds.SeedArticle s : Seeds.load()) {
            inputs.add(new Input(s.id(), s.publishedAtMillis(), s.text()));
            // A copy dated a day earlier: wherever it arrives, it must end up canonical.
            inputs.add(new Input("early-" + s.id(), s.publishedAtMillis() - 86_400_000L, s.text()));
            // A near copy with a headline and a sign-off added.
            inputs.add(new Input("near-" + s.id(), s.publishedAtMillis() + 3_600_000L,
                    "Nota de la redacción\n\n" + s.text() + "\n\nCon información de agencias."));
        }
        Path samples = Path.of(System.getProperty("parley.samples.dir", "samples"));
        if (Files.isDirectory(samples)) {
            try (Stream<Path> files = Files.list(samples)) {
                long day = 0;
                for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    inputs.add(new Input("sample-" + p.getFileName(), 1_768_000_000_000L + day++ * 3_600_000L,
                            Files.readString(p)));
                }
            }
        }
        return inputs;
    }

    private static Map<String, Object> run(List<Input> arrivals) {
        InMemoryDedupStores stores = new InMemoryDedupStores();
        DedupEngine engine = new DedupEngine(DedupConfig.defaults(), stores);
        for (Input in : arrivals) {
            engine.ingest(in.id(), Instant.ofEpochMilli(in.at()), in.text());
        }
        Map<String, Object> state = new TreeMap<>();
        state.put("articles", stores.articles().snapshot());
        state.put("decisions", stores.decisions().snapshot());
        state.put("passages", stores.passages().snapshot());
        state.put("statements", stores.statements().snapshot());
        state.put("statementsByArticle", stores.statementsByArticle().snapshot());
        state.put("postings", stores.postings().snapshot());
        return state;
    }
}
