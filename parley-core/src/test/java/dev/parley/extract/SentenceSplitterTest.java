package dev.parley.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Embedded posts must be found however the article lays out the signature (ingest separates paragraphs by blank lines). */
class SentenceSplitterTest {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter(DateResolver.loadDefault());
    private static final LocalDate PUBLISHED = LocalDate.of(2026, 5, 9);
    private static final String POST = "We welcome the talks with our neighbours. More work lies ahead.";
    private static final String SIGNATURE = "— Consul Ana Pérez (@ConsulAna) May 8, 2026";

    @Test
    void aSignatureOnTheLineAfterThePostClosesIt() {
        assertPostSentences("The consul reacted.\n" + POST + "\n" + SIGNATURE + "\nThe talks go on.");
    }

    @Test
    void aSignatureInItsOwnParagraphClosesThePreviousParagraph() {
        assertPostSentences("The consul reacted.\n\n" + POST + "\n\n" + SIGNATURE + "\n\nThe talks go on.");
    }

    @Test
    void aSignatureAtTheEndOfAParagraphClosesThatParagraph() {
        assertPostSentences("The consul reacted.\n\n" + POST + " " + SIGNATURE + "\n\nThe talks go on.");
    }

    private static void assertPostSentences(String text) {
        List<Sentence> sentences = SPLITTER.split(text, PUBLISHED);
        assertThat(sentences).filteredOn(Sentence::inPost).extracting(Sentence::text)
                .first().isEqualTo("We welcome the talks with our neighbours.");
        assertThat(sentences).filteredOn(Sentence::inPost).allSatisfy(s -> {
            assertThat(s.post().authorHandle()).isEqualTo("@ConsulAna");
            assertThat(s.post().date()).isEqualTo(LocalDate.of(2026, 5, 8));
        });
        assertThat(sentences).filteredOn(s -> !s.inPost()).extracting(Sentence::text)
                .containsExactly("The consul reacted.", "The talks go on.");
    }
}
