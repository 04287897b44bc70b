package dev.parley.extract.actors;

import dev.parley.extract.Actor;
import dev.parley.extract.ActorMention;
import dev.parley.extract.ActorMention.Via;
import dev.parley.extract.Gazetteer;
import dev.parley.nlp.ParsedSentence;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader on parses written by hand (the real parser's output is exercised in CoreNlpActorReaderTest). */
class TextActorReaderTest {

    private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();
    private static final TextActorReader READER = new TextActorReader(GAZETTEER);
    /** The text alone, without the shipped office holders: what each rule reads by itself. */
    private static final TextActorReader TEXT_ONLY = new TextActorReader(GAZETTEER,
            CountryFinder.of(dev.parley.extract.world.CountryKnowledge.loadDefault()), KnownPeople.NONE);
    private static final LocalDate MARCH_2026 = LocalDate.of(2026, 3, 2);
    private static final LocalDate MAY_2013 = LocalDate.of(2013, 5, 3);
    private static final LocalDate DEC_1987 = LocalDate.of(1987, 12, 8);

    /** "actor id <text of the span>" for each mention, in text order. */
    private static List<String> described(ParsedSentence s, SentenceActors read) {
        return read.mentions().stream()
                .map(m -> m.actor().id() + " <" + s.text().substring(m.span().start(), m.span().end()) + ">")
                .toList();
    }

    private static ActorMention only(SentenceActors read, String id) {
        return read.mentions().stream().filter(m -> m.actor().id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError(id + " not in " + read.mentions()));
    }

    @Test
    void aSpanishTitleInAppositionGivesOfficeAndCountry() {
        ParsedSentence s = HandParse.of("El canciller mexicano , Alejandro Ibarra Solís , conversó con Marco Rubio .")
                .entity("Alejandro Ibarra Solís", "PERSON").entity("Marco Rubio", "PERSON").parse();
        SentenceActors read = READER.read(s, "es", ActorContext.EMPTY, MARCH_2026);
        assertThat(described(s, read)).containsExactly(
                "person:MX:alejandro-ibarra-solis <canciller mexicano, Alejandro Ibarra Solís>",
                "marco-rubio <Marco Rubio>");
        Actor ibarra = only(read, "person:MX:alejandro-ibarra-solis").actor();
        assertThat(ibarra.name()).isEqualTo("Alejandro Ibarra Solís");
        assertThat(ibarra.roles()).containsExactly("foreign-minister");
        assertThat(only(read, "person:MX:alejandro-ibarra-solis").via()).isEqualTo(Via.PERSON_NAME);
    }

    @Test
    void anEnglishPossessiveTitleAfterTheName() {
        ParsedSentence s = HandParse.of("Taro Kono , Japan 's foreign minister , met Rex Tillerson on Monday .")
                .entity("Taro Kono", "PERSON").entity("Japan", "COUNTRY").entity("foreign minister", "TITLE")
                .entity("Rex Tillerson", "PERSON").parse();
        SentenceActors read = TEXT_ONLY.read(s, "en", ActorContext.EMPTY, LocalDate.of(2017, 8, 7));
        assertThat(described(s, read)).containsExactly(
                "person:JP:taro-kono <Taro Kono, Japan's foreign minister>",
                "person:rex-tillerson <Rex Tillerson>");
        // The shipped office holders know whose secretary of state he was in August 2017.
        assertThat(described(s, READER.read(s, "en", ActorContext.EMPTY, LocalDate.of(2017, 8, 7)))).containsExactly(
                "person:JP:taro-kono <Taro Kono, Japan's foreign minister>",
                "person:US:rex-tillerson <Rex Tillerson>");
        assertThat(only(read, "person:JP:taro-kono").actor().roles()).containsExactly("foreign-minister");
    }

    @Test
    void aTitleAsModifierAndADemonym() {
        ParsedSentence s = HandParse.of("Secretary of State George Shultz met Mexican Foreign Minister Bernardo Sepúlveda .")
                .entity("George Shultz", "PERSON").entity("Bernardo Sepúlveda", "PERSON").parse();
        SentenceActors read = READER.read(s, "en", ActorContext.EMPTY, DEC_1987);
        // "Secretary of State" names the US on its own (gazetteer countryByDescription); Marco Rubio is not 1987's.
        assertThat(described(s, read)).containsExactly(
                "person:US:george-shultz <Secretary of State George Shultz>",
                "person:MX:bernardo-sepulveda <Mexican Foreign Minister Bernardo Sepúlveda>");
        assertThat(only(read, "person:US:george-shultz").actor().roles()).containsExactly("secretary-of-state");
    }

    @Test
    void twoPresidentsOneWithItsCountryAfterTheTitle() {
        ParsedSentence s = HandParse.of("El presidente mexicano Enrique Peña Nieto conversó con el presidente de Estados Unidos , Barack Obama .")
                .entity("Enrique Peña Nieto", "PERS").entity("Estados Unidos", "LUG").entity("Barack Obama", "PERS").parse();
        SentenceActors read = READER.read(s, "es", ActorContext.EMPTY, MAY_2013);
        assertThat(described(s, read)).containsExactly(
                "person:MX:enrique-pena-nieto <presidente mexicano Enrique Peña Nieto>",
                "person:US:barack-obama <presidente de Estados Unidos, Barack Obama>");
        assertThat(only(read, "person:US:barack-obama").actor().roles()).containsExactly("head-of-state");
    }

    @Test
    void theUsAmbassadorWithAName() {
        ParsedSentence s = HandParse.of("The U.S. ambassador , John Doe , was summoned on Tuesday .")
                .entity("John Doe", "PERSON").parse();
        SentenceActors read = READER.read(s, "en", ActorContext.EMPTY, MAY_2013);
        assertThat(described(s, read)).containsExactly("person:US:john-doe <U.S. ambassador, John Doe>");
        assertThat(only(read, "person:US:john-doe").actor().roles()).containsExactly("ambassador");
    }

    @Test
    void withoutATitleTheCountryIsUnknownUnlessANationalityIsNextToTheName() {
        ParsedSentence bare = HandParse.of("Juan Pérez llegó a Bogotá .").entity("Juan Pérez", "PERS").parse();
        assertThat(described(bare, READER.read(bare, "es", ActorContext.EMPTY, MARCH_2026)))
                .containsExactly("person:juan-perez <Juan Pérez>", "country:CO <Bogotá>");
        ParsedSentence national = HandParse.of("El colombiano Juan Pérez llegó a Bogotá .").entity("Juan Pérez", "PERS").parse();
        assertThat(described(national, READER.read(national, "es", ActorContext.EMPTY, MARCH_2026)))
                .containsExactly("person:CO:juan-perez <Juan Pérez>", "country:CO <Bogotá>");
    }

    @Test
    void aLaterSurnameIsTheSamePersonAndTheContextIsImmutable() {
        ParsedSentence first = HandParse.of("El presidente mexicano Enrique Peña Nieto recibió a Secretary of State John Kerry .")
                .entity("Enrique Peña Nieto", "PERS").entity("John Kerry", "PERS").parse();
        SentenceActors one = READER.read(first, "es", ActorContext.EMPTY, MAY_2013);
        assertThat(ActorContext.EMPTY.people()).isEmpty();
        assertThat(one.context().people()).extracting(Actor::id)
                .containsExactly("person:MX:enrique-pena-nieto", "person:US:john-kerry");

        // Tagged by the NER as a person…
        ParsedSentence second = HandParse.of("Peña Nieto dijo que Kerry fue claro .")
                .entity("Peña Nieto", "PERS").entity("Kerry", "PERS").parse();
        SentenceActors two = READER.read(second, "es", one.context(), MAY_2013);
        assertThat(described(second, two)).containsExactly(
                "person:MX:enrique-pena-nieto <Peña Nieto>", "person:US:john-kerry <Kerry>");
        assertThat(two.mentions()).extracting(ActorMention::via).containsOnly(Via.SURNAME);

        // …or not tagged at all.
        ParsedSentence untagged = HandParse.of("Según Kerry , la reunión fue productiva .").parse();
        assertThat(described(untagged, READER.read(untagged, "es", two.context(), MAY_2013)))
                .containsExactly("person:US:john-kerry <Kerry>");

        // Another article's text says nothing of them: "Kerry" alone is a person of unknown country there…
        SentenceActors elsewhere = TEXT_ONLY.read(second, "es", ActorContext.EMPTY, MAY_2013);
        assertThat(described(second, elsewhere)).containsExactly("person:pena-nieto <Peña Nieto>", "person:kerry <Kerry>");
        // …unless the shipped office holders know who held office under that name in May 2013.
        assertThat(described(second, READER.read(second, "es", ActorContext.EMPTY, MAY_2013))).containsExactly(
                "person:MX:enrique-pena-nieto <Peña Nieto>", "person:US:john-kerry <Kerry>");
    }

    @Test
    void theSpanishPaternalSurnameAloneIsTheSamePerson() {
        ParsedSentence first = HandParse.of("El canciller mexicano , Alejandro Ibarra Solís , viajó a Ottawa .")
                .entity("Alejandro Ibarra Solís", "PERS").parse();
        SentenceActors one = READER.read(first, "es", ActorContext.EMPTY, MARCH_2026);
        ParsedSentence later = HandParse.of("Ibarra planteó el tema de las visas .").entity("Ibarra", "PERS").parse();
        assertThat(described(later, READER.read(later, "es", one.context(), MARCH_2026)))
                .containsExactly("person:MX:alejandro-ibarra-solis <Ibarra>");
    }

    @Test
    void theSamePersonInTwoArticlesIsOneActor() {
        ParsedSentence a = HandParse.of("El presidente de Estados Unidos , Barack Obama , llamó a Peña Nieto .")
                .entity("Barack Obama", "PERS").entity("Peña Nieto", "PERS").parse();
        ParsedSentence b = HandParse.of("U.S. President Barack Obama met Mexican President Enrique Peña Nieto .")
                .entity("Barack Obama", "PERSON").entity("Enrique Peña Nieto", "PERSON").parse();
        String inA = only(READER.read(a, "es", ActorContext.EMPTY, MAY_2013), "person:US:barack-obama").actor().id();
        String inB = only(READER.read(b, "en", ActorContext.EMPTY, MAY_2013), "person:US:barack-obama").actor().id();
        assertThat(inA).isEqualTo(inB);
    }

    @Test
    void aTitleWithoutANameIsTheHolderOnlyInsideTheHoldersTerm() {
        ParsedSentence s = HandParse.of("El canciller mexicano viajó a Washington .").parse();
        assertThat(described(s, READER.read(s, "es", ActorContext.EMPTY, MARCH_2026)))
                .containsExactly("juan-ramon-de-la-fuente <canciller mexicano>", "country:US <Washington>");
        SentenceActors in2013 = READER.read(s, "es", ActorContext.EMPTY, MAY_2013);
        assertThat(described(s, in2013)).containsExactly("office:MX:foreign-minister <canciller mexicano>",
                "country:US <Washington>");
        assertThat(in2013.mentions().get(0).via()).isEqualTo(Via.OFFICE);
        assertThat(in2013.mentions().get(0).actor().countries()).containsExactly("MX");
        // Without a date nobody is known to hold it.
        assertThat(described(s, READER.read(s, "es", ActorContext.EMPTY, null)))
                .startsWith("office:MX:foreign-minister <canciller mexicano>");
    }

    @Test
    void datedTermsFollowTheGazetteer() {
        ParsedSentence s = HandParse.of("The U.S. president spoke with Mexico .").parse();
        assertThat(described(s, READER.read(s, "en", ActorContext.EMPTY, LocalDate.of(2019, 6, 1))))
                .startsWith("donald-trump <U.S. president>");
        assertThat(described(s, READER.read(s, "en", ActorContext.EMPTY, LocalDate.of(2022, 6, 1))))
                .startsWith("office:US:head-of-state <U.S. president>");
        assertThat(described(s, READER.read(s, "en", ActorContext.EMPTY, LocalDate.of(2026, 1, 10))))
                .containsExactly("donald-trump <U.S. president>", "country:MX <Mexico>");
    }

    @Test
    void anEnvoyIsAHolderOnlyWhereTheTextSaysHeIsAccredited() {
        ParsedSentence toMexico = HandParse.of("El embajador de Estados Unidos en México se reunió con el canciller .").parse();
        assertThat(described(toMexico, READER.read(toMexico, "es", ActorContext.EMPTY, MARCH_2026)))
                .containsExactly("ronald-johnson <embajador de Estados Unidos en México>");
        assertThat(described(toMexico, READER.read(toMexico, "es", ActorContext.EMPTY, MAY_2013)))
                .containsExactly("office:US:ambassador-to-MX <embajador de Estados Unidos en México>");
        ParsedSentence unplaced = HandParse.of("The U.S. ambassador met the minister .").parse();
        assertThat(described(unplaced, READER.read(unplaced, "en", ActorContext.EMPTY, MARCH_2026)))
                .containsExactly("office:US:ambassador <U.S. ambassador>");
    }

    @Test
    void aTitleOfThePersonNamedEarlierIsThatPersonNotTheGazetteersHolder() {
        // Sample 01: the gazetteer's 2026 foreign minister must not replace the one the article names.
        ParsedSentence first = HandParse.of("El secretario de Relaciones Exteriores , Alejandro Ibarra Solís , sostuvo una llamada con la ministra de Asuntos Exteriores de Canadá , Élise Tremblay .")
                .entity("Alejandro Ibarra Solís", "PERS").entity("Canadá", "LUG").entity("Élise Tremblay", "PERS").parse();
        SentenceActors one = READER.read(first, "es", ActorContext.EMPTY, MARCH_2026);
        assertThat(described(first, one)).containsExactly(
                "person:MX:alejandro-ibarra-solis <secretario de Relaciones Exteriores, Alejandro Ibarra Solís>",
                "person:CA:elise-tremblay <ministra de Asuntos Exteriores de Canadá, Élise Tremblay>");
        ParsedSentence second = HandParse.of("El canciller mexicano realizará una visita a Ottawa , dijo la ministra Tremblay .")
                .entity("Tremblay", "PERS").parse();
        assertThat(described(second, READER.read(second, "es", one.context(), MARCH_2026))).containsExactly(
                "person:MX:alejandro-ibarra-solis <canciller mexicano>", "country:CA <Ottawa>",
                "person:CA:elise-tremblay <Tremblay>");
    }

    @Test
    void aTitleLinkedByTheParseAcrossAnInterruption() {
        // "el presidente estadounidense, de visita en México, Barack Obama": appos(presidente, Barack).
        HandParse p = HandParse.of("El presidente estadounidense , de visita en México , Barack Obama , dijo que sí .")
                .entity("México", "LUG").entity("Barack Obama", "PERS");
        ParsedSentence s = p.dep(p.indexOf("presidente"), p.indexOf("Barack"), "appos")
                .dep(p.indexOf("Barack"), p.indexOf("Obama"), "flat").parse();
        SentenceActors read = READER.read(s, "es", ActorContext.EMPTY, MAY_2013);
        assertThat(described(s, read)).containsExactly("country:MX <México>", "person:US:barack-obama <Barack Obama>");
        // Without the link the name stands alone.
        ParsedSentence unlinked = HandParse.of("El presidente estadounidense , de visita en México , Barack Obama , dijo que sí .")
                .entity("México", "LUG").entity("Barack Obama", "PERS").parse();
        assertThat(described(unlinked, TEXT_ONLY.read(unlinked, "es", ActorContext.EMPTY, MAY_2013)))
                .contains("person:barack-obama <Barack Obama>");
    }

    @Test
    void aCountryInsideAPersonsNameIsNoCountry() {
        ParsedSentence s = HandParse.of("Lisa Monaco and Michael Jordan visited Monaco .")
                .entity("Lisa Monaco", "PERSON").entity("Michael Jordan", "PERSON").parse();
        assertThat(described(s, READER.read(s, "en", ActorContext.EMPTY, MARCH_2026))).containsExactly(
                "person:lisa-monaco <Lisa Monaco>", "person:michael-jordan <Michael Jordan>", "country:MC <Monaco>");
    }

    @Test
    void aDemonymOnAPrivateNounOrOnLegislatorsNamesNoState() {
        assertThat(plainlyRead("en", "Spanish firms and Algerian officials agreed a price ."))
                .containsExactly("country:DZ <Algerian>");
        assertThat(plainlyRead("es", "Las empresas mexicanas y el gobierno chileno firmaron ."))
                .containsExactly("country:CL <chileno>");
        assertThat(plainlyRead("en", "Canada lawmakers urged Peruvian officials to act ."))
                .containsExactly("country:PE <Peruvian>");
        assertThat(plainlyRead("es", "Los senadores chilenos pidieron a Perú actuar ."))
                .containsExactly("country:PE <Perú>");
        assertThat(plainlyRead("en", "Canadian farm groups urged Peruvian officials to act ."))
                .containsExactly("country:PE <Peruvian>");
    }

    /** A hand parse without entities, read in March 2026 without context. */
    private static List<String> plainlyRead(String language, String sentence) {
        ParsedSentence s = HandParse.of(sentence).parse();
        return described(s, READER.read(s, language, ActorContext.EMPTY, MARCH_2026));
    }

    @Test
    void organisationsTakeTheCountryTheirNameOrQualifierGives() {
        ParsedSentence s = HandParse.of("El Ministerio de Relaciones Exteriores de Japón y la Cancillería chilena protestaron ante Reuters .")
                .entity("Ministerio de Relaciones Exteriores de Japón", "ORG").entity("Cancillería", "ORG")
                .entity("Reuters", "ORG").parse();
        List<String> read = described(s, READER.read(s, "es", ActorContext.EMPTY, MARCH_2026));
        assertThat(read).contains("org:JP:foreign-ministry <Ministerio de Relaciones Exteriores de Japón>");
        // The gazetteer's "Cancillería" is Mexico's; a qualifier naming another country makes it that country's.
        assertThat(read).contains("org:CL:foreign-ministry <Cancillería chilena>");
        assertThat(read).noneMatch(m -> m.contains("Reuters"));
        assertThat(read).noneMatch(m -> m.startsWith("country:JP"));
    }

    @Test
    void theGazetteerIsOptional() {
        String countriesOnly = """
                {"countries": [{"code": "MX", "names": ["México"], "adjectives": ["mexicano"]},
                               {"code": "CA", "names": ["Canadá"], "adjectives": ["canadiense"]}],
                 "roles": [{"id": "foreign-minister", "descriptions": ["canciller", "ministra de Asuntos Exteriores"]}]}
                """;
        Gazetteer bare = new Gazetteer(new ByteArrayInputStream(countriesOnly.getBytes(StandardCharsets.UTF_8)));
        TextActorReader reader = new TextActorReader(bare);
        ParsedSentence s = HandParse.of("El canciller mexicano , Alejandro Ibarra Solís , llamó a la ministra de Asuntos Exteriores de Canadá , Élise Tremblay .")
                .entity("Alejandro Ibarra Solís", "PERS").entity("Élise Tremblay", "PERS").parse();
        assertThat(described(s, reader.read(s, "es", ActorContext.EMPTY, MARCH_2026))).extracting(d -> d.split(" ")[0])
                .containsExactly("person:MX:alejandro-ibarra-solis", "person:CA:elise-tremblay");
        ParsedSentence office = HandParse.of("El canciller mexicano llamó .").parse();
        assertThat(described(office, reader.read(office, "es", ActorContext.EMPTY, MARCH_2026)))
                .containsExactly("office:MX:foreign-minister <canciller mexicano>");
    }

    @Test
    void theMinistryIsNotItsSecretary() {
        ParsedSentence s = HandParse.of("La Secretaría de Relaciones Exteriores informó a Canadá .")
                .entity("Secretaría de Relaciones Exteriores", "ORG").parse();
        assertThat(described(s, READER.read(s, "es", ActorContext.EMPTY, MARCH_2026)))
                .containsExactly("mx-sre <Secretaría de Relaciones Exteriores>", "country:CA <Canadá>");
    }

    @Test
    void aTitleBeforeAnUntaggedNameIsNoOfficeButADateIsNoName() {
        ParsedSentence untagged = HandParse.of("El presidente venezolano Nicolás Maduro respondió .").parse();
        // Not the gazetteer's or anyone's head of state: only the country the words name is left.
        assertThat(described(untagged, READER.read(untagged, "es", ActorContext.EMPTY, MARCH_2026)))
                .containsExactly("country:VE <venezolano>");
        ParsedSentence dated = HandParse.of("The U.S. ambassador Monday protested the decision .")
                .entity("Monday", "DATE").parse();
        assertThat(described(dated, READER.read(dated, "en", ActorContext.EMPTY, MAY_2013)))
                .containsExactly("office:US:ambassador <U.S. ambassador>");
    }

    @Test
    void aPluralTitleSharedByTwoNamesEachWithItsCountry() {
        ParsedSentence s = HandParse.of("Los presidentes de México , Enrique Peña Nieto , y de Estados Unidos , Barack Obama , conversaron .")
                .entity("Enrique Peña Nieto", "PERS").entity("Barack Obama", "PERS").parse();
        assertThat(described(s, READER.read(s, "es", ActorContext.EMPTY, MAY_2013))).containsExactly(
                "person:MX:enrique-pena-nieto <Enrique Peña Nieto>", "person:US:barack-obama <Barack Obama>");
    }

    @Test
    void historicalStatesAndUnparsedSentences() {
        ParsedSentence s = HandParse.of("Soviet Foreign Minister Eduard Shevardnadze arrived in Washington .")
                .entity("Eduard Shevardnadze", "PERSON").parse();
        assertThat(described(s, READER.read(s, "en", ActorContext.EMPTY, DEC_1987))).containsExactly(
                "person:SU:eduard-shevardnadze <Soviet Foreign Minister Eduard Shevardnadze>", "country:US <Washington>");

        // Unparsed: no NER, so no new people, but the article's people, the gazetteer and the offices still resolve.
        ActorContext article = ActorContext.of(List.of(
                new Actor("person:SU:eduard-shevardnadze", dev.parley.extract.ActorType.PERSON, "Eduard Shevardnadze",
                        List.of("SU"), List.of("foreign-minister"), null)));
        SentenceActors read = READER.readText("Shevardnadze told Lisa Monaco that the Mexican foreign minister agreed.",
                "en", article, DEC_1987);
        assertThat(read.mentions()).extracting(m -> m.actor().id())
                .containsExactly("person:SU:eduard-shevardnadze", "office:MX:foreign-minister");
    }

    @Test
    void particlesAndOfficesAreNoSurnames() {
        ParsedSentence first = HandParse.of("El canciller Juan Ramón de la Fuente recibió al embajador de Japón .")
                .entity("Juan Ramón de la Fuente", "PERS").parse();
        SentenceActors one = READER.read(first, "es", ActorContext.EMPTY, MAY_2013);
        assertThat(described(first, one)).containsExactly("juan-ramon-de-la-fuente <canciller Juan Ramón de la Fuente>",
                "office:JP:ambassador <embajador de Japón>");
        ParsedSentence later = HandParse.of("De acuerdo con el embajador , la visita fue breve , dijo De la Fuente .").parse();
        assertThat(described(later, READER.read(later, "es", one.context(), MAY_2013)))
                .containsExactly("office:JP:ambassador <embajador>", "juan-ramon-de-la-fuente <De la Fuente>");
    }

    @Test
    void aTitleLaterInTheSameSentenceIsThePersonNamedBefore() {
        ParsedSentence s = HandParse.of("El secretario de Relaciones Exteriores , Alejandro Ibarra Solís , llamó a Élise Tremblay para preparar la visita que el canciller mexicano realizará a Ottawa .")
                .entity("Alejandro Ibarra Solís", "PERS").entity("Élise Tremblay", "PERS").parse();
        assertThat(described(s, READER.read(s, "es", ActorContext.EMPTY, MARCH_2026))).containsExactly(
                "person:MX:alejandro-ibarra-solis <secretario de Relaciones Exteriores, Alejandro Ibarra Solís>",
                "person:elise-tremblay <Élise Tremblay>",
                "person:MX:alejandro-ibarra-solis <canciller mexicano>",
                "country:CA <Ottawa>");
    }
}
