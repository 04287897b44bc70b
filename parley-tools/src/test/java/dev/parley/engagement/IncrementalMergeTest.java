package dev.parley.engagement;

import dev.parley.bench.BenchArticles;
import dev.parley.bench.CorpusGenerator;
import dev.parley.bench.ShiftedHistory;
import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.ArticleInput;
import dev.parley.extract.DateResolver;
import dev.parley.extract.Gazetteer;
import dev.parley.extract.Lexicon;
import dev.parley.extract.Ontology;
import dev.parley.extract.report.IngestedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental merge against its oracle, the whole-set merge: the same events and commitments, in the same
 * order, after every change, whatever the order articles arrive, are replaced or withdrawn in.
 */
class IncrementalMergeTest {

    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.withDefaults();
    private static final EngagementMerger MERGER = new EngagementMerger(EXTRACTOR.ontology(), EXTRACTOR.gazetteer());
    private static List<ArticleFacts> seeds;
    private static List<ArticleFacts> samples;
    private static EngagementMerger samplesMerger;
    private static List<ArticleFacts> generated;

    @BeforeAll
    static void extract() {
        Path seedsDir = Path.of(System.getProperty("parley.seeds.dir"));
        Path samplesDir = Path.of(System.getProperty("parley.samples.dir"));
        seeds = IngestedCorpus.read(seedsDir).articles().stream().map(EXTRACTOR::extract).toList();
        Gazetteer gazetteer = Gazetteer.load(List.of(samplesDir.resolve(".report/gazetteer-extension.json")));
        ArticleExtractor samplesExtractor = new ArticleExtractor(gazetteer, Lexicon.loadDefault(),
                DateResolver.loadDefault(), Ontology.loadDefault(), new dev.parley.nlp.corenlp.CoreNlpSentenceParser());
        samples = IngestedCorpus.read(samplesDir).articles().stream().map(samplesExtractor::extract).toList();
        samplesMerger = new EngagementMerger(samplesExtractor.ontology(), samplesExtractor.gazetteer());
        generated = BenchArticles.ingested(BenchArticles.generate(List.of(seedsDir, samplesDir), 400,
                CorpusGenerator.Shares.DEFAULT, 20, 7)).stream().map(ArticleInput::of).map(EXTRACTOR::extract).toList();
    }

    @Test
    void seedsInManyOrdersMatchTheWholeSetMergeAfterEveryArticle() {
        assertThat(MERGER.merge(seeds).events()).isNotEmpty();
        assertThat(MERGER.merge(seeds).commitments()).isNotEmpty();
        for (long order = 0; order < 30; order++) {
            addOneByOne(MERGER, shuffled(seeds, order), 1);
        }
    }

    @Test
    void samplesInManyOrdersMatchTheWholeSetMergeAfterEveryArticle() {
        assertThat(samplesMerger.merge(samples).commitments()).isNotEmpty();
        for (long order = 0; order < 20; order++) {
            addOneByOne(samplesMerger, shuffled(samples, order), 1);
        }
    }

    @Test
    void aMeetingReportedLaterAndAPaperPastTheDueMonthMatchTheWholeSetMerge() {
        List<ArticleFacts> facts = new ArrayList<>(seeds);
        facts.add(EXTRACTOR.extract(new ArticleInput("met-0124", "test/met-0124.txt", java.time.LocalDate.of(2026, 1, 24),
                "es", null, "Ciudad de México, a 24 de enero de 2026.- El Grupo de Implementación de Seguridad se "
                + "reunió este viernes 23 de enero en la Ciudad de México, con delegaciones de México y Estados "
                + "Unidos, para revisar las acciones contra el tráfico de fentanilo.")));
        facts.add(EXTRACTOR.extract(new ArticleInput("later-0305", "test/later-0305.txt",
                java.time.LocalDate.of(2026, 3, 5), "es", null, "Ciudad de México, a 5 de marzo de 2026.- La "
                + "Secretaría de Relaciones Exteriores informó que continúan los trabajos técnicos sobre seguridad "
                + "fronteriza.")));
        assertThat(MERGER.merge(facts).commitments()).extracting(Commitment::status)
                .contains(Commitment.Status.HELD, Commitment.Status.OVERDUE);
        for (long order = 0; order < 30; order++) {
            addOneByOne(MERGER, shuffled(facts, order), 1);
        }
    }

    @Test
    void aGeneratedCorpusInSeveralOrdersMatchesTheWholeSetMerge() {
        for (long order = 0; order < 4; order++) {
            addOneByOne(MERGER, shuffled(generated, order), 40);
        }
    }

    @Test
    void replacingAndWithdrawingArticlesMatchesTheWholeSetMerge() {
        Random random = new Random(3);
        List<ArticleFacts> pool = new ArrayList<>(seeds);
        pool.addAll(ShiftedHistory.of(seeds, seeds.size() * 3, 7));
        IncrementalMerge incremental = new IncrementalMerge(MERGER);
        java.util.Map<String, ArticleFacts> current = new java.util.TreeMap<>();
        for (int step = 0; step < 300; step++) {
            ArticleFacts f = pool.get(random.nextInt(pool.size()));
            if (current.containsKey(f.articleId()) && random.nextBoolean()) {
                incremental.remove(f.articleId());
                current.remove(f.articleId());
            } else {
                // Replacing with another article's facts under this id changes what the id reports.
                ArticleFacts other = pool.get(random.nextInt(pool.size()));
                ArticleFacts put = random.nextInt(4) == 0 ? ShiftedHistory.renamed(other, f.articleId()) : f;
                incremental.put(put);
                current.put(put.articleId(), put);
            }
            if (step % 10 == 0) {
                assertThat(incremental.state()).isEqualTo(MERGER.merge(current.values()));
            }
        }
        assertThat(incremental.state()).isEqualTo(MERGER.merge(current.values()));
    }

    @Test
    void aNewArticleReMergesOnlyItsBlockNotTheHistory() {
        // Episodes ten weeks apart: an article joins the blocks of its own episode, whatever the history's length.
        List<ArticleFacts> history = ShiftedHistory.of(seeds, seeds.size() * 12, 70);
        IncrementalMerge incremental = new IncrementalMerge(MERGER);
        history.subList(0, history.size() - 1).forEach(incremental::put);
        incremental.refresh();
        ArticleFacts last = history.get(history.size() - 1);
        incremental.put(last);
        IncrementalMerge.Changes changes = incremental.refresh();
        assertThat(changes.mergedArticles()).isBetween(1, seeds.size());
        assertThat(incremental.state()).isEqualTo(MERGER.merge(history));
    }

    private static void addOneByOne(EngagementMerger merger, List<ArticleFacts> facts, int checkEvery) {
        IncrementalMerge incremental = new IncrementalMerge(merger);
        for (int i = 0; i < facts.size(); i++) {
            incremental.put(facts.get(i));
            if ((i + 1) % checkEvery == 0 || i == facts.size() - 1) {
                EngagementState expected = merger.merge(facts.subList(0, i + 1));
                assertThat(incremental.state()).as("after %d articles", i + 1).isEqualTo(expected);
            }
        }
    }

    private static List<ArticleFacts> shuffled(List<ArticleFacts> facts, long seed) {
        List<ArticleFacts> out = new ArrayList<>(facts);
        Collections.shuffle(out, new Random(seed));
        return out;
    }
}
