package dev.parley.nlp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingSentenceParserTest {

    /** Splits on spaces and records every call, so the test sees which parses reach the backend. */
    private static final class RecordingParser implements SentenceParser {
        final List<String> calls = new ArrayList<>();

        @Override
        public ParsedSentence parse(String sentence, String language) {
            calls.add(language + ":" + sentence);
            List<Token> tokens = new ArrayList<>();
            int begin = 0;
            for (String word : sentence.split(" ")) {
                tokens.add(new Token(tokens.size(), word, word.toLowerCase(), "X", "O", begin, begin + word.length()));
                begin += word.length() + 1;
            }
            return new ParsedSentence(sentence, tokens, List.of(), List.of());
        }

        @Override
        public boolean supports(String language) {
            return language.equals("es");
        }
    }

    @Test
    void aRepeatedSentenceIsParsedOnceAndPerLanguage() {
        RecordingParser backend = new RecordingParser();
        CachingSentenceParser parser = new CachingSentenceParser(backend, 10);

        ParsedSentence first = parser.parse("Chile y Perú firmaron", "es");
        ParsedSentence again = parser.parse("Chile y Perú firmaron", "es");
        parser.parse("Chile y Perú firmaron", "en");

        assertThat(again).isSameAs(first);
        assertThat(backend.calls).containsExactly("es:Chile y Perú firmaron", "en:Chile y Perú firmaron");
        assertThat(parser.supports("es")).isTrue();
        assertThat(parser.supports("fr")).isFalse();
    }

    @Test
    void theLeastRecentlyUsedSentenceLeavesFirst() {
        RecordingParser backend = new RecordingParser();
        CachingSentenceParser parser = new CachingSentenceParser(backend, 2);

        parser.parse("a", "es");
        parser.parse("b", "es");
        parser.parse("a", "es");
        parser.parse("c", "es");
        parser.parse("a", "es");
        parser.parse("b", "es");

        assertThat(parser.size()).isEqualTo(2);
        assertThat(backend.calls).containsExactly("es:a", "es:b", "es:c", "es:b");
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new CachingSentenceParser(new RecordingParser(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
