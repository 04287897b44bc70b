package dev.parley.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsCaseAccentsAndWhitespace() {
        assertThat(TextNormalizer.normalize("  Juan Ramón\tDE LA  Fuente\n\n"))
                .isEqualTo("juan ramon de la fuente");
    }

    @Test
    void unifiesQuotesAndDashes() {
        assertThat(TextNormalizer.normalize("“inaceptable” — dijo")).isEqualTo("\"inaceptable\" - dijo");
    }

    @Test
    void dropsShortLinksThatDifferBetweenReprints() {
        String a = TextNormalizer.normalize("Together we can… https://t.co/FmmmpU0pDp");
        String b = TextNormalizer.normalize("Together we can… pic.twitter.com/u0aNcSINtF");
        assertThat(a).isEqualTo(b).isEqualTo("together we can...");
    }

    @Test
    void compatibilityFormsFoldToTheirPlainLetters() {
        assertThat(TextNormalizer.normalize("ﬁentanilo")).isEqualTo("fientanilo");
    }
}
