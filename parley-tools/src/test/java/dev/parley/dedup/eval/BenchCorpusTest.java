package dev.parley.dedup.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.text.Shingles;
import dev.parley.dedup.AnalyzedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCorpusTest {

    // Written for this test: two short texts in the style of a wire report.
    private static final List<String> BASES = List.of(
            "Los ministros de comercio de ambos países se reunieron este martes para revisar el calendario de "
                    + "aranceles. Acordaron publicar un informe conjunto antes del final del trimestre y convocar "
                    + "a las cámaras empresariales a una consulta abierta sobre las reglas de origen.",
            "The two foreign ministers spoke by telephone on Monday about migration, consular services and the "
                    + "schedule of the next summit. Officials said a working group would meet in the capital next "
                    + "month to prepare a list of concrete measures for the leaders.");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theSharedDatelineCorpusCutsArticlesToTheirLeadingParagraphsAndOpensEachWithTheDateline() {
        List<BenchCorpus.Item> whole = List.of(new BenchCorpus.Item("t", "one two three four\n\nfive six seven\n\n"
                + "eight nine", START, 0, false), new BenchCorpus.Item("u", "a long first paragraph of more than "
                + "four words\n\nsecond", START, 1, false));
        List<BenchCorpus.Item> small = BenchCorpus.small(whole, 7, BenchCorpus.SHARED_DATELINE);
        assertThat(small).extracting(BenchCorpus.Item::body).containsExactly(
                BenchCorpus.SHARED_DATELINE + "\n\none two three four\n\nfive six seven",
                BenchCorpus.SHARED_DATELINE + "\n\na long first paragraph of more than four words");
        assertThat(BenchCorpus.SHARED_DATELINE.split(" ")).hasSize(19);
        assertThat(BenchCorpus.small(whole, 0, null)).isEqualTo(whole);
    }

    @Test
    void theSameSeedGivesTheSameCorpus() {
        assertThat(BenchCorpus.generate(BASES, 200, 0.3, START, Duration.ofDays(10), 7))
                .isEqualTo(BenchCorpus.generate(BASES, 200, 0.3, START, Duration.ofDays(10), 7));
    }

    @Test
    void newStoriesFromTheSameBaseShareNoLongWordsWhileVariantsStayCloseToTheirStory() {
        List<BenchCorpus.Item> items = BenchCorpus.generate(BASES, 300, 0.3, START, Duration.ofDays(10), 11);
        assertThat(items).hasSize(300);
        List<BenchCorpus.Item> stories = items.stream().filter(i -> !i.variant()).toList();
        List<BenchCorpus.Item> variants = items.stream().filter(BenchCorpus.Item::variant).toList();
        assertThat(variants.size()).isBetween(60, 120);

        double maxStoryPair = 0;
        for (int i = 1; i < 40; i++) {
            maxStoryPair = Math.max(maxStoryPair, jaccard(stories.get(0).body(), stories.get(i).body()));
        }
        assertThat(maxStoryPair).isLessThan(0.1);

        long close = variants.stream()
                .filter(v -> jaccard(v.body(), stories.get(v.story()).body()) >= 0.3).count();
        assertThat(close).isGreaterThan(variants.size() / 2);
        assertThat(items).allSatisfy(i -> assertThat(i.publishedAt())
                .isBetween(START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(11))));
    }

    @Test
    void shortWordsAreKeptAndLongerOnesReplacedConsistently() {
        String once = BenchCorpus.cipher("De la Fuente y la Fuente", 5);
        String[] words = once.split(" ");
        assertThat(words[0]).isEqualTo("De");
        assertThat(words[1]).isEqualTo("la");
        assertThat(words[2]).isNotEqualTo("Fuente").hasSize(6).isEqualTo(words[5]);
        assertThat(Character.isUpperCase(words[2].charAt(0))).isTrue();
        assertThat(BenchCorpus.cipher("De la Fuente", 6)).isNotEqualTo(BenchCorpus.cipher("De la Fuente", 5));
    }

    private static double jaccard(String a, String b) {
        return Shingles.jaccard(AnalyzedArticle.of("a", 0, a, 5).shingleSet(), AnalyzedArticle.of("b", 0, b, 5).shingleSet());
    }
}
