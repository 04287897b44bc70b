package dev.parley.nlp.corenlp;

import dev.parley.nlp.Dependency;
import dev.parley.nlp.EntityMention;
import dev.parley.nlp.ParsedSentence;
import dev.parley.nlp.SentenceParser;
import dev.parley.nlp.Token;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real CoreNLP pipelines on sentences the team wrote. */
class CoreNlpSentenceParserTest {

    private final SentenceParser parser = new CoreNlpSentenceParser();

    @Test
    void spanishTitleInAppositionToAPerson() {
        ParsedSentence s = parser.parse(
                "El canciller mexicano, Marcelo Ebrard, se reunió ayer con su homólogo canadiense en Ottawa.", "es");

        assertThat(entity(s, "Marcelo Ebrard").type()).isEqualTo("PERSON");
        assertThat(entity(s, "canciller").type()).isEqualTo("TITLE");
        assertThat(entity(s, "mexicano").type()).isEqualTo("NATIONALITY");
        assertThat(relation(s, "canciller", "Marcelo")).isEqualTo("appos");
        assertThat(relation(s, "canciller", "mexicano")).isEqualTo("amod");
        assertThat(relation(s, "reunió", "canciller")).isEqualTo("nsubj");
    }

    @Test
    void spanishPhoneCallBetweenTwoPresidents() {
        ParsedSentence s = parser.parse("El presidente Enrique Peña Nieto conversó por teléfono con el presidente "
                + "de Estados Unidos, Barack Obama.", "es");

        assertThat(s.entities()).extracting(EntityMention::type, EntityMention::text).contains(
                org.assertj.core.groups.Tuple.tuple("PERSON", "Enrique Peña Nieto"),
                org.assertj.core.groups.Tuple.tuple("PERSON", "Barack Obama"),
                org.assertj.core.groups.Tuple.tuple("COUNTRY", "Estados Unidos"));
        Token verb = token(s, "conversó");
        assertThat(verb.pos()).isEqualTo("VERB");
        List<Dependency> ofVerb = s.dependencies().stream().filter(d -> d.head() == verb.index()).toList();
        Token subject = s.tokens().get(only(ofVerb, "nsubj").dependent());
        assertThat(subject.word()).isEqualTo("presidente");
        assertThat(subject.ner()).isEqualTo("TITLE");
        // The second president is the "con" oblique, and Obama is his apposition.
        Dependency withPresident = ofVerb.stream()
                .filter(d -> d.relation().equals("obl") && s.tokens().get(d.dependent()).word().equals("presidente"))
                .findFirst().orElseThrow();
        assertThat(dependentsOf(s, withPresident.dependent(), "case")).containsExactly("con");
        assertThat(dependentsOf(s, withPresident.dependent(), "appos")).containsExactly("Barack");
        assertThat(dependentsOf(s, subject.index(), "appos")).containsExactly("Enrique");
    }

    @Test
    void spanishSubjectObjectAndOblique() {
        ParsedSentence s = parser.parse(
                "El gobierno de Argentina convocó al embajador británico en Buenos Aires.", "es");

        // CoreNLP's Spanish tokenizer keeps the contraction "al" as one ADP token, the object's case marker.
        assertThat(token(s, "al").pos()).isEqualTo("ADP");
        assertThat(relation(s, "convocó", "gobierno")).isEqualTo("nsubj");
        assertThat(relation(s, "convocó", "embajador")).isEqualTo("obj");
        assertThat(relation(s, "gobierno", "Argentina")).isEqualTo("nmod");
        assertThat(entity(s, "Argentina").type()).isEqualTo("COUNTRY");
        assertThat(entity(s, "británico").type()).isEqualTo("NATIONALITY");
        assertThat(entity(s, "embajador").type()).isEqualTo("TITLE");
    }

    @Test
    void englishTitleInAppositionAndAsModifier() {
        ParsedSentence s = parser.parse("Secretary of State George Shultz met with Eduard Shevardnadze, "
                + "the Soviet foreign minister, in Geneva.", "en");

        assertThat(entity(s, "Secretary of State").type()).isEqualTo("TITLE");
        assertThat(entity(s, "George Shultz").type()).isEqualTo("PERSON");
        assertThat(entity(s, "Eduard Shevardnadze").type()).isEqualTo("PERSON");
        assertThat(entity(s, "foreign minister").type()).isEqualTo("TITLE");
        assertThat(entity(s, "Geneva").type()).isEqualTo("CITY");
        assertThat(relation(s, "Shultz", "Secretary")).isEqualTo("compound");
        assertThat(relation(s, "Shevardnadze", "minister")).isEqualTo("appos");
        assertThat(relation(s, "met", "Shultz")).isEqualTo("nsubj");
        assertThat(relation(s, "met", "Shevardnadze")).isEqualTo("obl");
        assertThat(relation(s, "Shevardnadze", "with")).isEqualTo("case");
    }

    @Test
    void englishPhoneCallWithPossessiveCountryTitle() {
        ParsedSentence s = parser.parse(
                "Taro Aso, Japan's foreign minister, spoke by phone with President Barack Obama.", "en");

        assertThat(relation(s, "Aso", "minister")).isEqualTo("appos");
        assertThat(relation(s, "minister", "Japan")).isEqualTo("nmod:poss");
        assertThat(entity(s, "Japan").type()).isEqualTo("COUNTRY");
        assertThat(entity(s, "President").type()).isEqualTo("TITLE");
        assertThat(relation(s, "spoke", "Obama")).isEqualTo("obl");
        assertThat(token(s, "spoke").lemma()).isEqualTo("speak");
    }

    @Test
    void englishPennTagsBecomeUniversalTags() {
        ParsedSentence s = parser.parse("The minister has said that Canada will sign the treaty.", "en");

        assertThat(s.tokens()).extracting(Token::word, Token::pos).containsExactly(
                org.assertj.core.groups.Tuple.tuple("The", "DET"),
                org.assertj.core.groups.Tuple.tuple("minister", "NOUN"),
                org.assertj.core.groups.Tuple.tuple("has", "AUX"),
                org.assertj.core.groups.Tuple.tuple("said", "VERB"),
                org.assertj.core.groups.Tuple.tuple("that", "SCONJ"),
                org.assertj.core.groups.Tuple.tuple("Canada", "PROPN"),
                org.assertj.core.groups.Tuple.tuple("will", "AUX"),
                org.assertj.core.groups.Tuple.tuple("sign", "VERB"),
                org.assertj.core.groups.Tuple.tuple("the", "DET"),
                org.assertj.core.groups.Tuple.tuple("treaty", "NOUN"),
                org.assertj.core.groups.Tuple.tuple(".", "PUNCT"));
        assertThat(relation(s, "sign", "Canada")).isEqualTo("nsubj");
        assertThat(relation(s, "sign", "treaty")).isEqualTo("obj");
    }

    @Test
    void eachSentenceHasOneRootAndEveryTokenAHead() {
        ParsedSentence s = parser.parse("Los cancilleres acordaron este martes una nueva reunión en Lima.", "es");

        assertThat(s.dependencies()).filteredOn(d -> d.head() == -1).hasSize(1);
        assertThat(s.dependencies()).extracting(Dependency::dependent)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, s.tokens().size()).boxed().toList());
    }

    @Test
    void parsesFromTwoThreadsAsFromOne() throws Exception {
        List<String[]> inputs = List.of(
                new String[]{"es", "El presidente Enrique Peña Nieto conversó por teléfono con Barack Obama."},
                new String[]{"en", "Taro Aso, Japan's foreign minister, spoke by phone with President Barack Obama."},
                new String[]{"es", "La canciller Claudia Ruiz Massieu recibió a su homólogo de Chile en la Ciudad de México."},
                new String[]{"en", "The Canadian prime minister met Mexico's president in Ottawa on Monday."},
                new String[]{"es", "Venezuela exigió a Colombia una explicación por la detención de dos soldados."},
                new String[]{"en", "Russia expelled two American diplomats and summoned the US ambassador."});
        List<ParsedSentence> sequential = inputs.stream().map(in -> parser.parse(in[1], in[0])).toList();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ParsedSentence>> futures = IntStream.range(0, 4 * inputs.size())
                    .mapToObj(i -> inputs.get(i % inputs.size()))
                    .map(in -> pool.submit(() -> parser.parse(in[1], in[0])))
                    .toList();
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % inputs.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void supportsSpanishAndEnglishOnly() {
        assertThat(parser.supports("es")).isTrue();
        assertThat(parser.supports("EN")).isTrue();
        assertThat(parser.supports("fr")).isFalse();
        assertThat(parser.supports(null)).isFalse();
        assertThatThrownBy(() -> parser.parse("Bonjour.", "fr")).isInstanceOf(IllegalArgumentException.class);
        assertThat(parser.parse("   ", "en").tokens()).isEmpty();
    }

    private static Token token(ParsedSentence s, String word) {
        return s.tokens().stream().filter(t -> t.word().equals(word)).findFirst()
                .orElseThrow(() -> new AssertionError("no token '" + word + "' in " + s.tokens()));
    }

    private static EntityMention entity(ParsedSentence s, String text) {
        return s.entities().stream().filter(e -> e.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity '" + text + "' in " + s.entities()));
    }

    /** The relation from the first token spelt {@code head} to the first spelt {@code dependent}. */
    private static String relation(ParsedSentence s, String head, String dependent) {
        int h = token(s, head).index();
        int d = token(s, dependent).index();
        return s.dependencies().stream().filter(dep -> dep.head() == h && dep.dependent() == d)
                .map(Dependency::relation).findFirst()
                .orElseThrow(() -> new AssertionError("no " + head + " -> " + dependent + " in " + s.dependencies()));
    }

    private static Dependency only(List<Dependency> dependencies, String relation) {
        List<Dependency> matching = dependencies.stream().filter(d -> d.relation().equals(relation)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static List<String> dependentsOf(ParsedSentence s, int head, String relation) {
        return s.dependencies().stream().filter(d -> d.head() == head && d.relation().equals(relation))
                .map(d -> s.tokens().get(d.dependent()).word()).toList();
    }
}
