package dev.parley.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void foldsWordsAndKeepsOriginalOffsets() {
        String text = "“Señaló” el Secretario, de 2026.";
        List<Token> tokens = Tokenizer.tokenize(text);
        assertThat(tokens).extracting(Token::form).containsExactly("senalo", "el", "secretario", "de", "2026");
        Token first = tokens.get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("Señaló");
    }

    @Test
    void skipsLinksSoReprintsWithDifferentShortLinksCompareEqual() {
        assertThat(Tokenizer.words("Together we can… https://t.co/FmmmpU0pDp"))
                .isEqualTo(Tokenizer.words("Together we can… pic.twitter.com/u0aNcSINtF"))
                .containsExactly("together", "we", "can");
    }

    @Test
    void linksAreSkippedInAnyAsciiCaseAndPlainTextIsNotSearchedForThem() {
        assertThat(Tokenizer.words("Ver WWW.Gob.MX/nota y HTTP://x.org/a, T.CO/abc o Pic.Twitter.com/q hoy"))
                .containsExactly("ver", "y", "o", "hoy");
        for (String link : List.of("http", "HTTPS", "www.", "Www.", "pic.", "PIC.", "t.co/", "T.CO/")) {
            assertThat(Tokenizer.mayHoldLink("texto " + link)).as(link).isTrue();
        }
        assertThat(Tokenizer.mayHoldLink("What the Whip said: pick up the tab, to cost what it costs.")).isFalse();
    }

    @Test
    void quotesAndDashesSeparateWords() {
        assertThat(Tokenizer.words("es “inaceptable”—dijo")).containsExactly("es", "inaceptable", "dijo");
    }

    @Test
    void shinglesCompareFoldedWords() {
        long[] a = Shingles.set(Shingles.positional(Tokenizer.tokenize("El Progreso gradual es inaceptable hoy"), 5));
        long[] b = Shingles.set(Shingles.positional(Tokenizer.tokenize("el progreso gradual, es “inaceptable” hoy"), 5));
        assertThat(Shingles.jaccard(a, b)).isEqualTo(1.0);
        long[] c = Shingles.set(Shingles.positional(Tokenizer.tokenize("el progreso gradual es aceptable hoy"), 5));
        assertThat(Shingles.jaccard(a, c)).isEqualTo(0.0);
    }
}
