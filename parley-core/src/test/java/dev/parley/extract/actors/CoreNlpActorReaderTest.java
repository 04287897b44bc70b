package dev.parley.extract.actors;

import dev.parley.extract.Actor;
import dev.parley.extract.ActorMention;
import dev.parley.extract.ActorMention.Via;
import dev.parley.extract.Gazetteer;
import dev.parley.nlp.ParsedSentence;
import dev.parley.nlp.SentenceParser;
import dev.parley.nlp.corenlp.CoreNlpSentenceParser;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader on the real CoreNLP parses of sentences the team wrote. The pipelines load once per JVM (the adapter
 * holds them statically), so every test here shares them.
 */
class CoreNlpActorReaderTest {

    private static final SentenceParser PARSER = new CoreNlpSentenceParser();
    private static final TextActorReader READER = new TextActorReader(Gazetteer.loadDefault());
    private static final LocalDate MAY_2013 = LocalDate.of(2013, 5, 3);
    private static final LocalDate DEC_1987 = LocalDate.of(1987, 12, 8);

    /** Reads an article's sentences in order, one context for the whole article. */
    private static List<SentenceActors> article(String language, LocalDate date, String... sentences) {
        ActorContext context = ActorContext.EMPTY;
        List<SentenceActors> read = new java.util.ArrayList<>();
        for (String sentence : sentences) {
            SentenceActors one = READER.read(PARSER.parse(sentence, language), language, context, date);
            read.add(one);
            context = one.context();
        }
        return read;
    }

    private static List<String> ids(SentenceActors read) {
        return read.mentions().stream().map(m -> m.actor().id()).toList();
    }

    private static Actor actor(SentenceActors read, String id) {
        return read.mentions().stream().map(ActorMention::actor).filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + ids(read)));
    }

    @Test
    void spanishForeignMinistersInAppositionAndALaterSurname() {
        List<SentenceActors> read = article("es", LocalDate.of(2026, 3, 2),
                "El canciller mexicano, Alejandro Ibarra Solís, conversó este lunes con la ministra de Asuntos "
                        + "Exteriores de Canadá, Élise Tremblay.",
                "Ibarra Solís planteó que miles de jornaleros esperan una respuesta.",
                "El canciller mexicano viajará a Ottawa el martes.");
        assertThat(ids(read.get(0))).containsExactly("person:MX:alejandro-ibarra-solis", "person:CA:elise-tremblay");
        assertThat(actor(read.get(0), "person:MX:alejandro-ibarra-solis").roles()).containsExactly("foreign-minister");
        assertThat(actor(read.get(0), "person:CA:elise-tremblay").roles()).containsExactly("foreign-minister");
        assertThat(ids(read.get(1))).containsExactly("person:MX:alejandro-ibarra-solis");
        assertThat(read.get(1).mentions().get(0).via()).isEqualTo(Via.SURNAME);
        // Not the gazetteer's 2026 foreign minister: the one this article names.
        assertThat(ids(read.get(2))).startsWith("person:MX:alejandro-ibarra-solis");
    }

    @Test
    void theDemoCallKeepsTheForeignSecretaryTheTextNames() {
        // Sample 01's lead: the gazetteer's 2026 office holder must not replace Alejandro Ibarra Solís.
        List<SentenceActors> read = article("es", LocalDate.of(2026, 3, 2),
                "El secretario de Relaciones Exteriores, Alejandro Ibarra Solís, sostuvo este lunes una llamada "
                        + "telefónica con la ministra de Asuntos Exteriores de Canadá, Élise Tremblay, para preparar la "
                        + "visita de trabajo que el canciller mexicano realizará a Ottawa al día siguiente.",
                "Por su parte, la ministra Tremblay reconoció la preocupación mexicana.");
        assertThat(ids(read.get(0))).containsSubsequence("person:MX:alejandro-ibarra-solis", "person:CA:elise-tremblay",
                "person:MX:alejandro-ibarra-solis");
        assertThat(ids(read.get(0))).doesNotContain("juan-ramon-de-la-fuente");
        assertThat(ids(read.get(1))).contains("person:CA:elise-tremblay");
    }

    @Test
    void spanishPresidentsOneQualifiedByDeEstadosUnidos() {
        List<SentenceActors> read = article("es", MAY_2013,
                "El presidente mexicano Enrique Peña Nieto conversó por teléfono con el presidente de Estados Unidos, "
                        + "Barack Obama.",
                "Peña Nieto y Obama acordaron reunirse en mayo.");
        assertThat(ids(read.get(0))).containsExactly("person:MX:enrique-pena-nieto", "person:US:barack-obama");
        assertThat(ids(read.get(1))).containsExactly("person:MX:enrique-pena-nieto", "person:US:barack-obama");
    }

    @Test
    void aBareSpanishTitleIsNoPersonOfAnotherYear() {
        List<SentenceActors> read = article("es", MAY_2013,
                "El embajador de Estados Unidos en México se reunió con el canciller mexicano.");
        assertThat(ids(read.get(0))).containsExactly("office:US:ambassador-to-MX", "office:MX:foreign-minister");
    }

    @Test
    void englishTitlesAsModifiersIn1987() {
        List<SentenceActors> read = article("en", DEC_1987,
                "Secretary of State George Shultz met Mexican Foreign Minister Bernardo Sepulveda in Washington on "
                        + "Tuesday.",
                "Shultz said the talks were useful.");
        assertThat(ids(read.get(0))).startsWith("person:US:george-shultz", "person:MX:bernardo-sepulveda");
        assertThat(actor(read.get(0), "person:US:george-shultz").roles()).containsExactly("secretary-of-state");
        assertThat(ids(read.get(1))).containsExactly("person:US:george-shultz");
    }

    @Test
    void englishPossessiveTitleAndAnAmbassadorWithAName() {
        List<SentenceActors> read = article("en", MAY_2013,
                "Taro Kono, Japan's foreign minister, met the U.S. ambassador, John Doe, on Monday.");
        assertThat(ids(read.get(0))).containsExactly("person:JP:taro-kono", "person:US:john-doe");
        assertThat(actor(read.get(0), "person:US:john-doe").roles()).containsExactly("ambassador");
    }

    @Test
    void englishOfficesWithoutNamesAndAMinistry() {
        List<SentenceActors> read = article("en", MAY_2013,
                "The U.S. ambassador protested to the Mexican Foreign Ministry on Monday.");
        // The shipped gazetteer knows "Mexican Foreign Ministry" as the SRE: user knowledge wins over the generic id.
        assertThat(ids(read.get(0))).containsExactly("office:US:ambassador", "mx-sre");
        List<SentenceActors> japan = article("en", MAY_2013, "Japan's Foreign Ministry summoned the Chinese ambassador.");
        assertThat(ids(japan.get(0))).containsExactly("org:JP:foreign-ministry", "office:CN:ambassador");
    }

    @Test
    void aLeadersNameOnAnAdministrationIsItsStateNotThePerson() {
        List<SentenceActors> read = article("en", DEC_1987, "Reagan Administration officials said Kuwait wants help.");
        // The reader alone does not know Reagan's country (the article-wide stages do): no person, whatever the state.
        assertThat(ids(read.get(0))).contains("country:KW").noneMatch(id -> id.contains("reagan"));
        List<SentenceActors> es = article("es", MAY_2013,
                "La preocupación del gobierno de la presidenta brasileña Dilma Rousseff llegó a Washington.");
        assertThat(ids(es.get(0))).contains("country:BR").noneMatch(id -> id.contains("rousseff"));
    }

    @Test
    void whereAnEnvoyServesIsNotTheStateHeSpeaksFor() {
        List<SentenceActors> read = article("es", MAY_2013,
                "El embajador en Estados Unidos, Tomás Rivera Solís, habló con legisladores.");
        assertThat(ids(read.get(0))).contains("person:tomas-rivera-solis").doesNotContain("person:US:tomas-rivera-solis");
        assertThat(actor(read.get(0), "person:tomas-rivera-solis").accreditedTo()).isEqualTo("US");
    }

    @Test
    void aCountrysForeignMinistryIsTheOneTheGazetteerListsForItByAnyName() {
        // The gazetteer's SRE has the role "foreign-ministry": "Mexico's foreign ministry" is it, not a second actor.
        List<SentenceActors> read = article("en", MAY_2013, "Mexico's Foreign Ministry summoned the Chinese ambassador.");
        assertThat(ids(read.get(0))).containsExactly("mx-sre", "office:CN:ambassador");
    }

    @Test
    void aCountryInsideAPersonsNameIsNoCountry() {
        ParsedSentence s = PARSER.parse("Lisa Monaco spoke with Michael Jordan about Mexico.", "en");
        SentenceActors read = READER.read(s, "en", ActorContext.EMPTY, MAY_2013);
        assertThat(ids(read)).containsExactly("person:lisa-monaco", "person:michael-jordan", "country:MX");
    }
}
