package dev.parley.extract;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Fresh sentences, written for these tests, in both languages. */
class ArticleExtractorTest {

    private static final ArticleExtractor X = ArticleExtractor.withDefaults();
    private static final LocalDate PUB = LocalDate.of(2026, 1, 22); // a Thursday

    private static ArticleFacts run(String language, String body) {
        return X.extract(new ArticleInput("t", "test", PUB, language, "", body));
    }

    private static Set<String> keyIds(ArticleEvent e) {
        return e.keyActorIds();
    }

    @Test
    void spanishCallWithRelativeWeekday() {
        ArticleFacts f = run("es", "La presidenta Claudia Sheinbaum y el presidente Donald Trump conversaron este martes "
                + "por teléfono sobre aranceles y migración.");
        assertThat(f.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.CONSULT_CALL);
            assertThat(keyIds(e)).containsExactly("claudia-sheinbaum", "donald-trump");
            assertThat(e.date()).isEqualTo(ResolvedDate.day(LocalDate.of(2026, 1, 20)));
            assertThat(e.topics()).contains("trade", "migration");
        });
    }

    @Test
    void englishCallGivesTheSameFacts() {
        ArticleFacts f = run("en", "Secretary Marco Rubio spoke with Mexican Foreign Secretary Juan Ramon de la Fuente "
                + "on Tuesday about tariffs and migration.");
        assertThat(f.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.CONSULT_CALL);
            assertThat(keyIds(e)).containsExactly("juan-ramon-de-la-fuente", "marco-rubio");
            assertThat(e.date()).isEqualTo(ResolvedDate.day(LocalDate.of(2026, 1, 20)));
            assertThat(e.topics()).contains("trade", "migration");
        });
    }

    @Test
    void threatWithInitiatorAndTarget() {
        ArticleFacts f = run("es", "El presidente Donald Trump amenazó este lunes con imponer aranceles a México.");
        assertThat(f.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.THREAT);
            assertThat(e.participants()).anySatisfy(p -> {
                assertThat(p.actorId()).isEqualTo("donald-trump");
                assertThat(p.role()).isEqualTo(Participant.Role.INITIATOR);
            });
            assertThat(e.participants()).anySatisfy(p -> {
                assertThat(p.actorId()).isEqualTo("country:MX");
                assertThat(p.role()).isEqualTo(Participant.Role.TARGET);
            });
            assertThat(e.date()).isEqualTo(ResolvedDate.day(LocalDate.of(2026, 1, 19)));
        });
    }

    @Test
    void englishDemandAndRejection() {
        ArticleFacts f = run("en", "On Monday the State Department urged Mexico to extradite cartel leaders.\n\n"
                + "On Wednesday Claudia Sheinbaum rejected the United States proposal to deploy troops.");
        assertThat(f.events()).extracting(ArticleEvent::kind)
                .containsExactly(EventKind.DEMAND, EventKind.REJECTION);
        assertThat(f.events().get(0).date()).isEqualTo(ResolvedDate.day(LocalDate.of(2026, 1, 19)));
        assertThat(f.events().get(1).date()).isEqualTo(ResolvedDate.day(LocalDate.of(2026, 1, 21)));
    }

    @Test
    void undatedFollowUpSentencesJoinTheEventTheyElaborate() {
        ArticleFacts f = run("es", "El canciller Juan Ramón de la Fuente y el secretario de Estado Marco Rubio "
                + "conversaron el lunes.\n\nDurante la llamada abordaron el tráfico de armas y el fentanilo.\n\n"
                + "La Cancillería subrayó el respeto a la soberanía nacional.");
        assertThat(f.events()).singleElement().satisfies(e -> {
            assertThat(e.passages()).hasSize(2);
            assertThat(e.topics()).contains("arms-trafficking", "fentanyl", "sovereignty");
            assertThat(e.stances()).anySatisfy(s -> {
                assertThat(s.type()).isEqualTo(Lexicon.StanceType.SOVEREIGNTY);
                assertThat(s.side()).isEqualTo("MX");
            });
        });
    }

    @Test
    void hedgedAndDomesticSentencesMakeNoEvent() {
        ArticleFacts f = run("es", "Analistas creen que podría haber una posible llamada entre Sheinbaum y Trump.\n\n"
                + "La presidenta Sheinbaum pidió al canciller Juan Ramón de la Fuente preparar un informe.");
        assertThat(f.events()).isEmpty();
    }

    @Test
    void anArticleWithoutDiplomaticContentYieldsNothing() {
        ArticleFacts f = run("es", "Rayados venció 2-1 a Tigres este sábado en el clásico regiomontano. El delantero "
                + "anotó en el minuto 89 y el estadio celebró hasta la medianoche.");
        assertThat(f.events()).isEmpty();
        assertThat(f.commitments()).isEmpty();
    }

    @Test
    void agreedFutureMeetingIsACommitmentNotAnEvent() {
        ArticleFacts f = run("es", "Marco Rubio y Juan Ramón de la Fuente conversaron este miércoles y acordaron "
                + "celebrar una reunión de alto nivel en Washington, D.C., el próximo 5 de febrero.");
        assertThat(f.events()).singleElement().satisfies(e ->
                assertThat(e.date()).isEqualTo(ResolvedDate.day(LocalDate.of(2026, 1, 21))));
        assertThat(f.commitments()).singleElement().satisfies(c -> {
            assertThat(c.dueDate()).isEqualTo(ResolvedDate.day(LocalDate.of(2026, 2, 5)));
            assertThat(c.placeId()).isEqualTo("washington-dc");
            assertThat(c.agreedAtLocalEventId()).isEqualTo(f.events().get(0).localId());
            assertThat(c.parties()).contains("marco-rubio", "juan-ramon-de-la-fuente");
        });
    }

    @Test
    void englishAgreedMeetingWithMonthPrecision() {
        ArticleFacts f = run("en", "Canada's Foreign Minister and Mexico's Foreign Secretary met in Ottawa on Monday. "
                + "The ministers agreed to hold their next meeting in Mexico City in March.");
        assertThat(f.events()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(EventKind.MEET_VISIT));
        assertThat(f.commitments()).singleElement().satisfies(c -> {
            assertThat(c.dueDate()).isEqualTo(new ResolvedDate(LocalDate.of(2026, 3, 1), DatePrecision.MONTH));
            assertThat(c.placeId()).isEqualTo("mexico-city");
        });
    }

    @Test
    void postSignatureDatesAndAuthorsAnUndatedPost() {
        ArticleFacts f = run("en", "Intro line without news.\n\nWe remain committed to shared goals with Mexico and "
                + "President @Claudiashein. — Embajador Ronald Johnson (@USAmbMex) January 20, 2026");
        assertThat(f.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.STATEMENT);
            assertThat(e.dateBasis()).isEqualTo(DateBasis.POST_DATE);
            assertThat(e.date()).isEqualTo(ResolvedDate.day(LocalDate.of(2026, 1, 20)));
            assertThat(keyIds(e)).containsExactly("ronald-johnson");
        });
    }

    @Test
    void spansPointIntoTheArticleText() {
        String body = "Marco Rubio y Juan Ramón de la Fuente conversaron este miércoles.";
        ArticleFacts f = run("es", body);
        Passage p = f.events().get(0).passages().get(0);
        assertThat(body.substring(p.start(), p.end())).isEqualTo(p.text());
    }

    @Test
    void quotesKeepTheirSpeaker() {
        ArticleFacts f = run("es", "Marco Rubio y Juan Ramón de la Fuente conversaron este miércoles. "
                + "\"La cooperación debe dar resultados tangibles de inmediato\", señaló el Departamento de Estado.");
        assertThat(f.events().get(0).quotes()).singleElement().satisfies(q -> {
            assertThat(q.speakerId()).isEqualTo("us-state-department");
            assertThat(q.speakerCountry()).isEqualTo("US");
        });
        assertThat(f.events().get(0).stances()).extracting(Stance::side).contains("US");
    }

    @Test
    void officesOfCountriesOutsideTheGazetteerStillMeet() {
        ArticleFacts f = run("es", "El canciller de Brasil y la canciller de Colombia se reunieron este lunes en Bogotá "
                + "para hablar de migración y comercio.");
        assertThat(f.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.MEET_VISIT);
            assertThat(keyIds(e)).containsExactly("office:BR:foreign-minister", "office:CO:foreign-minister");
            assertThat(e.placeId()).isEqualTo("bogota");
            assertThat(e.date()).isEqualTo(ResolvedDate.day(LocalDate.of(2026, 1, 19)));
        });
    }

    @Test
    void everyIsoCountryIsKnownByName() {
        ArticleFacts f = run("es", "El ministro de Defensa de España visitó Marruecos el pasado jueves.");
        assertThat(f.events()).singleElement().satisfies(e -> {
            assertThat(e.countries()).containsExactlyInAnyOrder("ES", "MA");
            assertThat(e.date()).isEqualTo(ResolvedDate.day(LocalDate.of(2026, 1, 15)));
        });
    }

    @Test
    void englishThreatBetweenThirdCountries() {
        ArticleFacts f = run("en", "Japan's Prime Minister warned on Tuesday that China would face sanctions.");
        assertThat(f.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.THREAT);
            assertThat(e.participants()).anySatisfy(p -> assertThat(p.actorId()).isEqualTo("office:JP:prime-minister"));
            assertThat(e.participants()).anySatisfy(p -> {
                assertThat(p.actorId()).isEqualTo("country:CN");
                assertThat(p.role()).isEqualTo(Participant.Role.TARGET);
            });
        });
    }

    @Test
    void aBackReferenceToAnAgreementIsNoNewEvent() {
        ArticleFacts f = run("en", "Farm groups spoke up.\n\nA spokesperson for the State Department said Washington "
                + "remained committed to the steps agreed with Mexico.");
        assertThat(f.events()).isEmpty();
    }

    @Test
    void splitterKeepsAbbreviationsAndSplitsDatelines() {
        SentenceSplitter splitter = new SentenceSplitter(DateResolver.loadDefault());
        List<Sentence> s = splitter.split("Ciudad de México, a 15 de enero de 2026.- Se reunirán en Washington, D.C., "
                + "en febrero. Otra frase.", PUB);
        assertThat(s).extracting(Sentence::text).containsExactly("Ciudad de México, a 15 de enero de 2026.-",
                "Se reunirán en Washington, D.C., en febrero.", "Otra frase.");
    }
}
