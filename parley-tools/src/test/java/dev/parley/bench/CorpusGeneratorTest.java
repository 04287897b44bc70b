package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.CorpusGenerator.Generated;
import dev.parley.bench.CorpusGenerator.Kind;
import dev.parley.bench.CorpusGenerator.Shares;
import dev.parley.text.Shingles;
import dev.parley.text.Tokenizer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CorpusGeneratorTest {

    private static CorpusGenerator generator;

    @BeforeAll
    static void readBases() {
        generator = new CorpusGenerator(BenchArticles.bases(List.of(Path.of(System.getProperty("parley.seeds.dir")),
                Path.of(System.getProperty("parley.samples.dir")))));
    }

    private static List<Generated> corpus(int count, Shares shares, long seed) {
        return generator.generate(count, shares, BenchArticles.START, Duration.ofDays(10), seed);
    }

    @Test
    void theRequestedSharesHoldExactly() {
        for (long seed = 1; seed <= 5; seed++) {
            Shares shares = new Shares(0.05 * seed, 0.08, 0.03 * seed);
            List<Generated> corpus = corpus(1000, shares, seed);
            Map<Kind, Integer> counts = CorpusGenerator.Summary.of(corpus).counts();
            assertThat(counts.get(Kind.EXACT_COPY)).isEqualTo((int) Math.round(1000 * shares.exactCopy()));
            assertThat(counts.get(Kind.NEAR_COPY)).isEqualTo(80);
            assertThat(counts.get(Kind.REPRINT)).isEqualTo((int) Math.round(1000 * shares.reprint()));
            assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
        }
    }

    @Test
    void sameSeedSameCorpusAndAnotherSeedAnother() {
        List<String> a = corpus(300, Shares.DEFAULT, 42).stream().map(Generated::toJsonLine).toList();
        List<String> b = corpus(300, Shares.DEFAULT, 42).stream().map(Generated::toJsonLine).toList();
        List<String> c = corpus(300, Shares.DEFAULT, 43).stream().map(Generated::toJsonLine).toList();
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void eachKindIsWhatItSays() {
        List<Generated> corpus = corpus(600, new Shares(0.1, 0.15, 0.1), 7);
        for (Generated g : corpus) {
            switch (g.kind()) {
                case STORY -> assertThat(g.sourceIndex()).isEqualTo(-1);
                case EXACT_COPY -> {
                    Generated src = corpus.get(g.sourceIndex());
                    assertThat(src.kind()).isEqualTo(Kind.STORY);
                    assertThat(g.body()).isEqualTo(src.body());
                    assertThat(g.url()).isNotEqualTo(src.url());
                    assertThat(g.publishedAt()).isAfter(src.publishedAt());
                }
                case NEAR_COPY -> {
                    Generated src = corpus.get(g.sourceIndex());
                    assertThat(g.body()).isNotEqualTo(src.body());
                    assertThat(jaccard(g.body(), src.body())).as("near copy %d of %d", g.index(), src.index())
                            .isGreaterThanOrEqualTo(0.7).isLessThan(1.0);
                }
                case REPRINT -> {
                    Generated src = corpus.get(g.sourceIndex());
                    assertThat(src.body().replace("\n\n", " ")).contains(g.passage());
                    assertThat(g.body()).contains(g.passage());
                    assertThat(g.passage().split("\\s+").length).isGreaterThanOrEqualTo(12);
                    assertThat(jaccard(g.body(), src.body())).isLessThan(0.7);
                }
            }
        }
    }

    @Test
    void storiesAreAsDistinctAsUnrelatedArticles() {
        List<Generated> stories = corpus(400, Shares.DEFAULT, 11).stream().filter(g -> g.kind() == Kind.STORY).toList();
        Random random = new Random(3);
        for (int n = 0; n < 500; n++) {
            Generated a = stories.get(random.nextInt(stories.size()));
            Generated b = stories.get(random.nextInt(stories.size()));
            if (a != b) {
                assertThat(jaccard(a.body(), b.body())).as("stories %d and %d", a.index(), b.index())
                        .isLessThan(0.2);
            }
        }
    }

    @Test
    void everyGeneratedArticleIsAcceptedByIngest() {
        List<Generated> corpus = corpus(200, Shares.DEFAULT, 5);
        assertThat(BenchArticles.ingested(corpus)).hasSize(200)
                .allSatisfy(a -> assertThat(a.getBody()).isNotBlank());
    }

    private static double jaccard(String a, String b) {
        return Shingles.jaccard(Shingles.set(Shingles.positional(Tokenizer.tokenize(a), 5)),
                Shingles.set(Shingles.positional(Tokenizer.tokenize(b), 5)));
    }
}
