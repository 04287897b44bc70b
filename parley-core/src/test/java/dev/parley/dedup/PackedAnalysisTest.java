package dev.parley.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PackedAnalysisTest {

    private static final int K = DedupConfig.defaults().shingleWords();

    @Test
    void anArticleReadBackIsTheArticleAnalysedFromItsText() {
        for (Seeds.SeedArticle s : Seeds.load()) {
            AnalyzedArticle analysed = AnalyzedArticle.of(s.id(), s.publishedAtMillis(), s.text(), K);
            AnalyzedArticle restored = PackedAnalysis.unpack(PackedAnalysis.pack(analysed, K), s.id(),
                    s.publishedAtMillis(), s.text(), K);
            assertThat(restored).as(s.file()).isNotNull();
            assertThat(restored.positionalShingles()).as(s.file()).containsExactly(analysed.positionalShingles());
            assertThat(restored.shingleSet()).as(s.file()).containsExactly(analysed.shingleSet());
            assertThat(restored.exactKey()).as(s.file()).isEqualTo(analysed.exactKey());
            assertThat(restored.words().size()).as(s.file()).isEqualTo(analysed.words().size());
            IntStream.range(0, analysed.words().size()).forEach(i -> {
                assertThat(restored.words().start(i)).as("%s word %d", s.file(), i).isEqualTo(analysed.words().start(i));
                assertThat(restored.words().end(i)).as("%s word %d", s.file(), i).isEqualTo(analysed.words().end(i));
                assertThat(restored.words().isSubstantive(i)).as("%s word %d", s.file(), i)
                        .isEqualTo(analysed.words().isSubstantive(i));
            });
        }
    }

    @Test
    void bytesThatDoNotFitTheTextOrTheConfigurationAreNotUsed() {
        String text = "El canciller anunció una reunión de seguridad en Washington el lunes.";
        byte[] packed = PackedAnalysis.pack(AnalyzedArticle.of("a", 0L, text, K), K);
        assertThat(PackedAnalysis.unpack(packed, "a", 0L, text, K + 1)).isNull();
        assertThat(PackedAnalysis.unpack(packed, "a", 0L, text + " Más.", K)).isNull();
        assertThat(PackedAnalysis.unpack(new byte[0], "a", 0L, text, K)).isNull();
    }

    @Test
    void packsAWordInAboutTenBytes() {
        Seeds.SeedArticle s = Seeds.load().get(0);
        AnalyzedArticle a = AnalyzedArticle.of(s.id(), s.publishedAtMillis(), s.text(), K);
        assertThat(PackedAnalysis.pack(a, K).length).isLessThan(a.words().size() * 12 + 64);
    }
}
