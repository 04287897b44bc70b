package dev.parley.extract;

import dev.parley.extract.EventKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event side of extraction on real CoreNLP parses, one sentence (written by the team) per item of issue 12's
 * "Why" list: kind, dyad, who initiates and who is addressed, and the date. Reported on Friday 6 March 2026.
 */
class SyntacticExtractionTest {

    /** One extractor (and so one pair of CoreNLP pipelines) for the whole test JVM. */
    private static final ArticleExtractor X = ArticleExtractor.withDefaults();
    private static final LocalDate FRIDAY = LocalDate.of(2026, 3, 6);

    private static ArticleFacts read(String language, String title, String body) {
        return X.extract(new ArticleInput("t", "test", FRIDAY, language, title, body));
    }

    private static ArticleFacts read(String language, String body) {
        return read(language, "", body);
    }

    private static String describe(ArticleFacts f) {
        return f.events().stream().map(e -> e.kind() + " " + e.countries() + " " + e.date() + " "
                + e.participants().stream().map(p -> p.actorId() + "/" + p.role()).toList())
                .collect(Collectors.joining("; "));
    }

    private static ArticleEvent only(ArticleFacts f) {
        assertThat(f.events()).as(describe(f)).hasSize(1);
        return f.events().get(0);
    }

    private static ArticleEvent ofKind(ArticleFacts f, EventKind kind) {
        return f.events().stream().filter(e -> e.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError(describe(f)));
    }

    private static void assertEvent(ArticleEvent e, EventKind kind, List<String> countries, LocalDate date) {
        assertThat(e.kinds()).as(e.toString()).contains(kind);
        assertThat(e.countries()).as(e.toString()).containsExactlyElementsOf(countries);
        assertThat(e.date().first()).as(e.toString()).isEqualTo(date);
    }

    private static void assertRoles(ArticleEvent e, String initiatorCountry, String targetCountry) {
        assertThat(e.participants()).as(e.toString()).anySatisfy(p -> {
            assertThat(p.role()).isEqualTo(Participant.Role.INITIATOR);
            assertThat(p.country()).isEqualTo(initiatorCountry);
        });
        assertThat(e.participants()).as(e.toString()).anySatisfy(p -> {
            assertThat(p.role()).isEqualTo(Participant.Role.TARGET);
            assertThat(p.country()).isEqualTo(targetCountry);
        });
    }

    @Test
    void peopleReadFromTheTextTakePartByName() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        ArticleEvent es = only(text.extract(new ArticleInput("t", "test", FRIDAY, "es", "", "El presidente mexicano "
                + "Enrique Peña Nieto conversó este lunes con el presidente de Estados Unidos, Barack Obama.")));
        assertEvent(es, EventKind.CONSULT_CALL, List.of("MX", "US"), LocalDate.of(2026, 3, 2));
        assertThat(es.participants()).extracting(Participant::name)
                .anySatisfy(n -> assertThat(n).contains("Peña Nieto"))
                .anySatisfy(n -> assertThat(n).contains("Obama"));
        ArticleEvent en = only(text.extract(new ArticleInput("t", "test", FRIDAY, "en", "", "Japan's foreign minister, "
                + "Shintaro Abe, met for an hour with U.S. Secretary of State George Shultz on Tuesday.")));
        assertEvent(en, EventKind.MEET_VISIT, List.of("JP", "US"), LocalDate.of(2026, 3, 3));
        assertThat(en.participants()).extracting(Participant::name)
                .anySatisfy(n -> assertThat(n).contains("Abe"))
                .anySatisfy(n -> assertThat(n).contains("Shultz"));
    }

    @Test
    void textActorsRepairNerThatMergesATitleWithItsNameOrAHeadlineVerbWithItsCountries() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        ArticleEvent call = only(text.extract(new ArticleInput("t", "test", FRIDAY, "es", "", "El canciller Juan "
                + "Ramón de la Fuente y el secretario de Estado Marco Rubio conversaron el lunes.")));
        assertEvent(call, EventKind.CONSULT_CALL, List.of("MX", "US"), LocalDate.of(2026, 3, 2));
        assertThat(call.participants()).extracting(Participant::name).contains("Marco Rubio");
        ArticleFacts headline = text.extract(new ArticleInput("t", "test", FRIDAY, "es",
                "Acuerdan México y Chile ampliar la cooperación consular",
                "Los cancilleres de ambos países firmaron el convenio en la capital chilena."));
        assertThat(headline.events()).as(describe(headline)).anySatisfy(e ->
                assertEvent(e, EventKind.AGREEMENT_COMMITMENT, List.of("CL", "MX"), FRIDAY));
    }

    @Test
    void whatTheSidesAgreedInACallIsAnEventOfItsOwnUnlessItIsTheNextMeeting() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        String call = "El canciller chileno, Alberto Ruiz, conversó este lunes por teléfono con su homólogo peruano, "
                + "Luis Vega. ";
        ArticleFacts agreed = text.extract(new ArticleInput("t", "test", FRIDAY, "es", "", call
                + "Ambos ministros también acordaron ampliar la cooperación en materia de pesca."));
        assertThat(agreed.events()).as(describe(agreed)).hasSize(2);
        assertEvent(ofKind(agreed, EventKind.CONSULT_CALL), EventKind.CONSULT_CALL, List.of("CL", "PE"),
                LocalDate.of(2026, 3, 2));
        ArticleEvent outcome = ofKind(agreed, EventKind.AGREEMENT_COMMITMENT);
        assertEvent(outcome, EventKind.AGREEMENT_COMMITMENT, List.of("CL", "PE"), LocalDate.of(2026, 3, 2));
        assertThat(outcome.passages()).extracting(Passage::text).singleElement().asString().contains("pesca");
        assertThat(ofKind(agreed, EventKind.CONSULT_CALL).kinds()).doesNotContain(EventKind.AGREEMENT_COMMITMENT);

        ArticleFacts nextMeeting = text.extract(new ArticleInput("t", "test", FRIDAY, "es", "", call
                + "Ambos ministros acordaron reunirse de nuevo en abril en Lima."));
        assertEvent(only(nextMeeting), EventKind.CONSULT_CALL, List.of("CL", "PE"), LocalDate.of(2026, 3, 2));

        ArticleFacts met = text.extract(new ArticleInput("t", "test", FRIDAY, "en", "", "Norwegian Prime Minister "
                + "Erik Dahl met Swedish Prime Minister Anna Berg in Oslo on Tuesday. The two leaders also agreed to "
                + "expand cooperation on energy."));
        assertThat(met.events()).as(describe(met)).extracting(ArticleEvent::kind)
                .containsExactlyInAnyOrder(EventKind.MEET_VISIT, EventKind.AGREEMENT_COMMITMENT);
    }

    @Test
    void aMeetingThatSetsTheSceneOfAClauseHasTheClauseSubjectAsASide() {
        ArticleFacts f = ArticleExtractor.withTextActors().extract(new ArticleInput("t", "test", FRIDAY, "en", "",
                "In talks with the Peruvian foreign minister on Tuesday, Chilean Foreign Minister Alberto Ruiz said "
                + "the fishing dispute was close to a settlement."));
        assertThat(f.events()).as(describe(f)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.MEET_VISIT);
            assertThat(e.countries()).containsExactly("CL", "PE");
        });
    }

    @Test
    void aContactTheBodyTellsAsStillToComeIsNoEventEvenUnderAPresentHeadline() {
        ArticleFacts f = ArticleExtractor.withTextActors().extract(new ArticleInput("t", "test", FRIDAY, "en",
                "CHILE, PERU OPEN TALKS ON FISHING", "Chile and Peru meet tomorrow to settle a dispute over fishing "
                + "rights. Technical talks are to be held next week."));
        assertThat(f.events()).as(describe(f)).isEmpty();
        assertThat(f.commitments()).as(describe(f)).anySatisfy(c ->
                assertThat(c.countries()).containsExactly("CL", "PE"));
    }

    @Test
    void aQualifierKeepsItsConjunctsSoBothSidesAreRead() {
        ArticleFacts f = ArticleExtractor.withTextActors().extract(new ArticleInput("t", "test", FRIDAY, "en", "",
                "Officials of Chile and Peru meet tomorrow to settle a dispute over fishing rights. Technical talks "
                + "are to be held next week."));
        assertThat(f.commitments()).as(describe(f)).anySatisfy(c ->
                assertThat(c.countries()).containsExactly("CL", "PE"));
    }

    @Test
    void discussingAMatterWithSomeoneOfAnotherSideIsTalksButDiscussingSanctionsIsNot() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        ArticleFacts es = text.extract(new ArticleInput("t", "test", FRIDAY, "es", "", "El canciller chileno Alberto "
                + "Ruiz analiza este martes con su homólogo peruano Luis Vega el diseño de un acuerdo pesquero."));
        assertEvent(only(es), EventKind.MEET_VISIT, List.of("CL", "PE"), LocalDate.of(2026, 3, 3));
        ArticleFacts en = text.extract(new ArticleInput("t", "test", FRIDAY, "en", "", "Chile's foreign minister "
                + "discussed the fishing dispute with the Peruvian ambassador on Tuesday."));
        assertEvent(only(en), EventKind.MEET_VISIT, List.of("CL", "PE"), LocalDate.of(2026, 3, 3));
        ArticleFacts senate = text.extract(new ArticleInput("t", "test", FRIDAY, "en", "", "The Senate discussed "
                + "sanctions against Iran on Tuesday."));
        assertThat(senate.events()).as(describe(senate)).noneMatch(e -> e.kind() == EventKind.MEET_VISIT);
    }

    @Test
    void whatAJointCommuniqueSaysWasAgreedStaysWithTheContactItCameFrom() {
        ArticleFacts f = ArticleExtractor.withTextActors().extract(new ArticleInput("t", "test", FRIDAY, "es", "",
                "El canciller chileno, Alberto Ruiz, conversó este lunes por teléfono con su homólogo peruano, Luis "
                + "Vega. En un comunicado conjunto, ambos cancilleres destacaron la relación bilateral. También se "
                + "acordó ampliar la cooperación en materia de pesca."));
        ArticleEvent e = only(f);
        assertThat(e.kinds()).contains(EventKind.CONSULT_CALL, EventKind.JOINT_STATEMENT,
                EventKind.AGREEMENT_COMMITMENT);
    }

    @Test
    void aKnownOfficeHolderTakesTheCountryTheTextLeavesOut() {
        LocalDate friday1987 = LocalDate.of(1987, 6, 12);
        ArticleEvent e = only(ArticleExtractor.withTextActors().extract(new ArticleInput("t", "test", friday1987, "en",
                "", "Chancellor Kohl met Brazilian President Jose Sarney in Bonn on Tuesday.")));
        assertEvent(e, EventKind.MEET_VISIT, List.of("BR", "DE"), LocalDate.of(1987, 6, 9));
        assertThat(e.participants()).extracting(Participant::actorId).contains("person:DE:helmut-kohl");
    }

    @Test
    void aDemandMadeInTalksIsAnEventOfItsOwnBetweenTheSidesOfTheTalks() {
        ArticleFacts f = ArticleExtractor.withTextActors().extract(new ArticleInput("t", "test",
                LocalDate.of(1987, 6, 12), "en", "", "U.S. Secretary of State George Shultz met Soviet Foreign "
                + "Minister Eduard Shevardnadze in Geneva on Tuesday. In the talks Shevardnadze demanded that "
                + "Washington lift the grain embargo."));
        assertThat(f.events()).as(describe(f)).hasSize(2);
        assertThat(f.events()).anySatisfy(e -> assertEvent(e, EventKind.MEET_VISIT, List.of("SU", "US"),
                LocalDate.of(1987, 6, 9)));
        assertThat(f.events()).anySatisfy(e -> {
            assertEvent(e, EventKind.DEMAND, List.of("SU", "US"), LocalDate.of(1987, 6, 9));
            assertRoles(e, "SU", "US");
        });
    }

    @Test
    void aWireLeadInWhichAnOfficialSpeaksOfAnotherStateIsAStatementOfThatDay() {
        ArticleEvent e = only(read("en", "FINLAND TO SEEK FERRY DEAL",
                "Finnish Foreign Minister Kalle Virtanen said he will ask Estonia to cut harbour fees for ferries. "
                        + "The fees rose twice last year."));
        assertEvent(e, EventKind.STATEMENT, List.of("EE", "FI"), FRIDAY);
        assertRoles(e, "FI", "EE");

        // Further down the story, or said by a ministry rather than a person, a plain remark only says who spoke;
        // a request the speakers announce to another state is a statement of intent wherever it stands.
        assertThat(read("en", "FERRY FEES RISE", "Harbour fees for ferries rose twice last year. "
                + "Finnish Foreign Minister Kalle Virtanen said the fees in Estonia were too high.").events()).isEmpty();
        assertThat(read("en", "FERRY FEES RISE", "The Finnish foreign ministry said the harbour fees in Estonia "
                + "were too high.").events()).isEmpty();
        ArticleEvent announced = only(read("en", "FERRY FEES RISE", "Harbour fees for ferries rose twice last year. "
                + "Finnish Foreign Minister Kalle Virtanen said he will ask Estonia to cut them."));
        assertEvent(announced, EventKind.STATEMENT, List.of("EE", "FI"), FRIDAY);
        assertThat(announced.kinds()).as(announced.toString()).doesNotContain(EventKind.DEMAND);
    }

    @Test
    void leavingForACapitalIsAVisitToItsState() {
        ArticleEvent e = only(read("en", "", "Finland's trade minister left for Tallinn on Monday saying he would "
                + "press for lower harbour fees."));
        assertEvent(e, EventKind.MEET_VISIT, List.of("EE", "FI"), LocalDate.of(2026, 3, 2));
        ArticleEvent es = only(read("es", "", "El canciller finlandés salió hacia Tallin el lunes para negociar las "
                + "tarifas portuarias."));
        assertEvent(es, EventKind.MEET_VISIT, List.of("EE", "FI"), LocalDate.of(2026, 3, 2));
    }

    @Test
    void aLeadInWhichAnOfficialSpeaksToAnotherStatesLeaderIsAStatement() {
        ArticleEvent e = only(read("es", "Frontera abierta", "Santiago. El canciller chileno Pedro Soto dijo al "
                + "presidente argentino Luis Paz que la frontera seguirá abierta."));
        assertEvent(e, EventKind.STATEMENT, List.of("AR", "CL"), FRIDAY);
        assertRoles(e, "CL", "AR");
    }

    @Test
    void whatAStateSaysItWillDoUnlessTheOtherActsIsAThreatAndTheAnswerARejection() {
        ArticleFacts f = read("en", "", "Canadian and European officials held talks on timber in Brussels on "
                + "Thursday. The European Community said it would raise duties on Canadian lumber if Canada did not "
                + "withdraw its export tax. Canada's trade minister said the European Community's complaint was based on "
                + "false figures.");
        ArticleEvent threat = ofKind(f, EventKind.THREAT);
        assertEvent(threat, EventKind.STATEMENT, List.of("CA", "EU"), FRIDAY);
        assertRoles(threat, "EU", "CA");
        ArticleEvent answer = ofKind(f, EventKind.REJECTION);
        assertRoles(answer, "CA", "EU");
    }

    @Test
    void whatWouldHaveHappenedOnAConditionIsNoThreat() {
        ArticleFacts f = read("en", "", "Norway's fisheries minister met his Icelandic counterpart in Oslo on Thursday. "
                + "\"If Iceland had not cut its quota, the Norwegian fleet would have lost its season,\" he said.");
        assertThat(f.events()).as(describe(f)).noneMatch(e -> e.kinds().contains(EventKind.THREAT));
    }

    @Test
    void aSpanishContactInTheFutureIsAPlan() {
        ArticleFacts f = read("es", "Un portavoz dijo que el canciller chileno, Pedro Soto, se reunirá con el canciller "
                + "peruano, Luis Paz, en Lima.");
        assertThat(f.events()).as(describe(f)).isEmpty();
    }

    @Test
    void aMeetingThatIsAnnouncedHasNotHappenedYet() {
        ArticleFacts f = read("es", "Anuncian reunión entre el canciller chileno Pedro Soto y el canciller peruano Luis Paz");
        assertThat(f.events()).as(describe(f)).isEmpty();
    }

    @Test
    void anActNounThatNamesWhoMadeItIsThatOnesActInsideAnotherStatement() {
        ArticleEvent english = ofKind(read("en", "", "In reply to Canada's request for Brazil to lift its beef quota, "
                + "the Brazilian minister said the quota would stay."), EventKind.DEMAND);
        assertRoles(english, "CA", "BR");
        ArticleEvent spanish = ofKind(read("es", "", "Sobre la exigencia de Chile para que Perú retire sus tropas de la "
                + "frontera, el canciller peruano dijo que estudiará el tema."), EventKind.DEMAND);
        assertRoles(spanish, "CL", "PE");
    }

    @Test
    void aRejectionAndAThreatOnOneDayAreTwoActs() {
        ArticleFacts f = read("en", "", "Japan on Thursday rejected the U.S. charge that it had broken the chip pact. "
                + "Japan's trade minister also warned on Thursday that Tokyo would retaliate if Washington imposed tariffs "
                + "on Japanese goods.");
        assertThat(f.events()).as(describe(f)).hasSize(2);
        assertRoles(ofKind(f, EventKind.REJECTION), "JP", "US");
        assertRoles(ofKind(f, EventKind.THREAT), "JP", "US");
    }

    @Test
    void sayingThatTalksArePlannedIsNoStatementAboutTheOtherSide() {
        ArticleFacts f = read("en", "", "The Swedish trade ministry said on Thursday it plans to hold talks with Norway on "
                + "fishing quotas next month.");
        assertThat(f.events()).as(describe(f)).isEmpty();
        assertThat(f.commitments()).as(describe(f)).isNotEmpty();
    }

    @Test
    void aScheduledMeetingWithNoAgreementBehindItHasTheStatesItsClauseNames() {
        ArticleFacts f = read("en", "Norwegian Fisheries Minister Lars Dahl will meet Swedish Fisheries Minister Eva Lund "
                + "in Bergen next week to discuss quotas.");
        assertThat(f.events()).as(describe(f)).isEmpty();
        assertThat(f.commitments()).as(describe(f)).singleElement().satisfies(c -> {
            assertThat(c.countries()).containsExactly("NO", "SE");
            assertThat(c.parties()).contains("person:NO:lars-dahl", "person:SE:eva-lund");
        });
    }

    @Test
    void aSpanishVerbInTheFutureSchedulesTheMeetingItTells() {
        ArticleFacts f = read("es", "El canciller chileno, Pedro Soto, visitará Lima el 20 de marzo para reunirse con el "
                + "canciller peruano, Luis Paz.");
        assertThat(f.events()).as(describe(f)).isEmpty();
        assertThat(f.commitments()).as(describe(f)).singleElement()
                .satisfies(c -> assertThat(c.countries()).containsExactly("CL", "PE"));
    }

    @Test
    void sayingThatOneStateLendsToAnotherIsNoStatementAddressingIt() {
        ArticleFacts f = read("en", "The British embassy said on Monday that Kenya will receive grants worth 40 million "
                + "pounds from Britain to build roads.");
        assertThat(f.events()).as(describe(f)).isEmpty();
    }

    @Test
    void aSpeakerWhoAlsoAsksSomethingOfTheOtherSideKeepsTheirEventBesideTheContactTheyRecall() {
        // The parser hangs "asked" on "reached", so the demand is not read as one; the speaker's event must survive.
        ArticleFacts f = read("en", "Chile's ambassador to Peru, Ana Ruiz, said on Monday that Santiago would honour the "
                + "accords reached with Peru last week and asked Peruvian officials not to close the border.");
        assertThat(f.events()).as(describe(f)).hasSize(1);
        assertRoles(f.events().get(0), "CL", "PE");
    }

    @Test
    void whatAStateSaysAnotherMustDoIsADemand() {
        ArticleFacts f = read("es", "", "Los cancilleres de Chile y Argentina se reunieron el jueves en Mendoza. El "
                + "gobierno chileno dijo que Argentina debe retirar sus tropas de la frontera.");
        ArticleEvent demand = ofKind(f, EventKind.DEMAND);
        assertEvent(demand, EventKind.STATEMENT, List.of("AR", "CL"), FRIDAY);
        assertRoles(demand, "CL", "AR");
    }

    @Test
    void whomADemandAsksIsTheSubjectOfWhatItAsksFor() {
        ArticleFacts f = read("es", "", "Los ministros nórdicos se reunieron el jueves en Oslo. Noruega pidió que el "
                + "gobierno de Suecia reabra los pasos fronterizos.");
        ArticleEvent demand = ofKind(f, EventKind.DEMAND);
        assertRoles(demand, "NO", "SE");
    }

    @Test
    void aSpeakerWhoRebuffsARequestAndSaysWhyRejectsIt() {
        ArticleFacts f = read("en", "", "Finance ministers met in Paris on Thursday. Britain's finance minister Peter "
                + "Walker rebuffed Brazil's request for new credits and said private banks were better placed to lend.");
        ArticleEvent e = only(f);
        assertEvent(e, EventKind.REJECTION, List.of("BR", "GB"), FRIDAY);
        assertRoles(e, "GB", "BR");
    }

    @Test
    void anActToldAsWhatWasSaidIsTheActOfWhoeverTheSentenceSaysMadeIt() {
        // The speaker's own act, a pronoun in English, no subject in Spanish: the third country in its content is not
        // a party.
        ArticleEvent told = only(read("en", "West German Finance Minister Gerhard Stoltenberg said on Thursday he "
                + "had told Brazil to take up discussions with U.S. banks."));
        assertEvent(told, EventKind.DEMAND, List.of("BR", "DE"), FRIDAY.minusDays(1));
        assertRoles(told, "DE", "BR");
        ArticleEvent pedido = only(read("es", "El canciller chileno, Heraldo Muñoz, dijo el jueves que había pedido a "
                + "Perú reabrir el paso fronterizo."));
        assertEvent(pedido, EventKind.DEMAND, List.of("CL", "PE"), FRIDAY.minusDays(1));
        assertRoles(pedido, "CL", "PE");
        // Another's act, quoted first: the officials only report it.
        ArticleEvent asked = only(read("en", "Chile asked Peru to reopen the border crossing, officials in Lima said "
                + "on Friday."));
        assertEvent(asked, EventKind.DEMAND, List.of("CL", "PE"), FRIDAY);
        assertRoles(asked, "CL", "PE");
    }

    @Test
    void aMeetingWithAnOfficeOfNoCountryIsWithTheOneStateTheArticleSetsAgainstTheSpeaker() {
        ArticleFacts f = read("en", "British minister Michael Howard told Japan on Thursday to open its telephone "
                + "market. He accused Japan of shutting out British firms. Howard met the foreign minister on Friday.");
        assertThat(f.events()).as(describe(f)).anySatisfy(e -> assertEvent(e, EventKind.MEET_VISIT,
                List.of("GB", "JP"), FRIDAY));
        // Two counterparts in the article: whose foreign minister it was is a guess, so no meeting is told.
        ArticleFacts two = read("en", "British minister Michael Howard told Japan on Thursday to open its telephone "
                + "market. He accused South Korea of shutting out British firms. Howard met the foreign minister on "
                + "Friday.");
        assertThat(two.events()).as(describe(two)).noneMatch(e -> e.kinds().contains(EventKind.MEET_VISIT));
    }

    @Test
    void condemningWhatTheSpeakerLaysOnAStateRejectsThatState() {
        ArticleEvent en = only(read("en", "Cuba on Thursday condemned the violence in Venezuela, which it blamed on "
                + "the United States."));
        assertEvent(en, EventKind.REJECTION, List.of("CU", "US"), FRIDAY.minusDays(1));
        assertRoles(en, "CU", "US");
        ArticleEvent es = only(read("es", "El presidente cubano, Raúl Castro, condenó el jueves la violencia en "
                + "Venezuela, que atribuyó a círculos de poder de Estados Unidos."));
        assertEvent(es, EventKind.REJECTION, List.of("CU", "US"), FRIDAY.minusDays(1));
        assertRoles(es, "CU", "US");
    }

    @Test
    void aNegotiationRoundNamedAfterACountryIsNoParty() {
        LocalDate friday1987 = LocalDate.of(1987, 4, 10);
        ArticleEvent en = only(ArticleExtractor.withTextActors().extract(new ArticleInput("t", "test", friday1987, "en",
                "", "President Reagan, who backed the Uruguay trade round, urged Japan on Tuesday to open its markets.")));
        assertEvent(en, EventKind.DEMAND, List.of("JP", "US"), LocalDate.of(1987, 4, 7));
        ArticleEvent es = only(ArticleExtractor.withTextActors().extract(new ArticleInput("t", "test", friday1987, "es",
                "", "El canciller brasileño, que defendió la Ronda Uruguay, exigió el martes a Japón que abra sus mercados.")));
        assertEvent(es, EventKind.DEMAND, List.of("BR", "JP"), LocalDate.of(1987, 4, 7));
    }

    @Test
    void tellingAStateWhatToDoIsADemandAndChargingItAReproach() {
        ArticleEvent demand = only(read("en", "", "Trade ministers met in London on Thursday. Britain's trade minister "
                + "Alan Clark told Japan to open its insurance market."));
        assertEvent(demand, EventKind.DEMAND, List.of("GB", "JP"), FRIDAY);
        assertRoles(demand, "GB", "JP");
        ArticleEvent charge = only(read("en", "", "Trade ministers met in London on Thursday. Canadian officials have "
                + "repeatedly charged that Japan keeps its market closed to Canadian firms."));
        assertEvent(charge, EventKind.REJECTION, List.of("CA", "JP"), FRIDAY);
        assertRoles(charge, "CA", "JP");
        assertThat(read("en", "", "Trade ministers met in London on Thursday. Alan Clark told reporters the talks "
                + "were useful.").events()).isEmpty();
    }

    @Test
    void sayingYouWillOpposeSomethingIsRejectingItAndTheSpeakerStaysTheSpeaker() {
        ArticleEvent e = only(read("en", "", "Fisheries ministers met in Brussels on Thursday. Norway said it would "
                + "strongly oppose the fishing quota Sweden proposed."));
        assertEvent(e, EventKind.REJECTION, List.of("NO", "SE"), FRIDAY);
        assertRoles(e, "NO", "SE");
    }

    @Test
    void aRemarkOutsideTheLeadThatIsNoActStaysUntold() {
        ArticleFacts f = read("en", "", "Farm ministers gathered in Rome on Thursday. Mexico's foreign minister said "
                + "the relationship with the United States was excellent. Canada's trade minister did not say the "
                + "European Community's complaint was based on false figures.");
        assertThat(f.events()).as(describe(f)).isEmpty();
    }

    @Test
    void anotherStatesMinistryOfForeignRelationsIsNotMexicos() {
        ArticleEvent e = only(read("es", "", "El ministro polaco de Relaciones Exteriores, Tomasz Nowak, exigió "
                + "este lunes a Ucrania que reabra la frontera."));
        assertEvent(e, EventKind.DEMAND, List.of("PL", "UA"), LocalDate.of(2026, 3, 2));
    }

    @Test
    void aLegislatorIsNoSideOfAnEvent() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        LocalDate friday2013 = LocalDate.of(2013, 11, 15);
        assertThat(text.extract(new ArticleInput("t", "test", friday2013, "es", "", "El senador estadounidense Juan "
                + "Pérez advirtió este lunes a Irán que habrá sanciones.")).events()).isEmpty();
        ArticleEvent minister = only(text.extract(new ArticleInput("t", "test", friday2013, "es", "", "El "
                + "secretario de Estado estadounidense advirtió este lunes a Irán que habrá sanciones.")));
        assertEvent(minister, EventKind.THREAT, List.of("IR", "US"), LocalDate.of(2013, 11, 11));
    }

    @Test
    void aThirdCountryInTheSentenceIsContextNotAParticipant() {
        ArticleEvent e = only(read("es", "La canciller de Canadá conversó este lunes por teléfono con el secretario "
                + "de Relaciones Exteriores de México sobre los aranceles de Estados Unidos."));
        assertEvent(e, EventKind.CONSULT_CALL, List.of("CA", "MX"), LocalDate.of(2026, 3, 2));
    }

    @Test
    void wordsBetweenTheVerbAndItsPrepositionKeepTheMeeting() {
        ArticleEvent e = only(read("en", "The foreign minister of Japan met for an hour with the Secretary of State "
                + "of the United States on Tuesday."));
        assertEvent(e, EventKind.MEET_VISIT, List.of("JP", "US"), LocalDate.of(2026, 3, 3));
    }

    @Test
    void theSubjectMakesTheDemandWhateverTheWordOrderAndTheDateAfterTheVerbDatesIt() {
        ArticleEvent e = only(read("es", "El gobierno de Argentina reclamó este viernes a Chile la liberación de los "
                + "pescadores detenidos."));
        assertEvent(e, EventKind.DEMAND, List.of("AR", "CL"), FRIDAY);
        assertRoles(e, "AR", "CL");
    }

    @Test
    void headlinePresentTenseIsATrigger() {
        ArticleFacts f = read("es", "Acuerdan México y Chile ampliar la cooperación consular",
                "Los cancilleres de ambos países firmaron el convenio en la capital chilena.");
        assertThat(f.events()).as(describe(f)).anySatisfy(e ->
                assertEvent(e, EventKind.AGREEMENT_COMMITMENT, List.of("CL", "MX"), FRIDAY));
    }

    @Test
    void anAgreementDatedAfterItsVerbIsDatedNotDue() {
        ArticleEvent e = only(read("es", "Canadá y México acordaron este martes reunirse de nuevo en abril."));
        assertEvent(e, EventKind.AGREEMENT_COMMITMENT, List.of("CA", "MX"), LocalDate.of(2026, 3, 3));
    }

    @Test
    void signedProtestedAccusedDenouncedExpelledAndSummonedAreEvents() {
        assertEvent(only(read("en", "Brazil signed a trade accord with Argentina on Monday.")),
                EventKind.AGREEMENT_COMMITMENT, List.of("AR", "BR"), LocalDate.of(2026, 3, 2));
        ArticleEvent accused = only(read("en", "Cuba accused Panama on Wednesday of detaining two of its diplomats."));
        assertEvent(accused, EventKind.REJECTION, List.of("CU", "PA"), LocalDate.of(2026, 3, 4));
        assertRoles(accused, "CU", "PA");
        ArticleEvent expelled = only(read("en", "Peru expelled the ambassador of Venezuela yesterday."));
        assertEvent(expelled, EventKind.REJECTION, List.of("PE", "VE"), LocalDate.of(2026, 3, 5));
        assertRoles(expelled, "PE", "VE");
        assertEvent(only(read("en", "Colombia summoned the ambassador of Ecuador last night.")),
                EventKind.REJECTION, List.of("CO", "EC"), LocalDate.of(2026, 3, 5));
        assertEvent(only(read("es", "Guatemala denunció el miércoles a Honduras ante la OEA.")),
                EventKind.REJECTION, List.of("GT", "HN"), LocalDate.of(2026, 3, 4));
        assertEvent(only(read("en", "India protested to China on Thursday over the new map.")),
                EventKind.REJECTION, List.of("CN", "IN"), LocalDate.of(2026, 3, 5));
    }

    @Test
    void anEventNounTakesItsPartiesAndItsOwnDate() {
        ArticleEvent e = only(read("es", "La llamada entre Colombia y Perú del pasado viernes duró una hora."));
        assertEvent(e, EventKind.CONSULT_CALL, List.of("CO", "PE"), LocalDate.of(2026, 2, 27));
    }

    @Test
    void aCourtesyCallAndOpenedTalksAreMeetings() {
        assertEvent(only(read("en", "The ambassador of India paid a courtesy call on the president of Israel on "
                + "Thursday.")), EventKind.MEET_VISIT, List.of("IL", "IN"), LocalDate.of(2026, 3, 5));
        assertEvent(only(read("en", "Iran opened talks with Italy at the weekend.")),
                EventKind.MEET_VISIT, List.of("IR", "IT"), LocalDate.of(2026, 2, 23));
    }

    @Test
    void soCalledIsNotACall() {
        ArticleFacts f = read("es", "Argentina y el Reino Unido recordaron este martes la llamada Guerra del "
                + "Atlántico Sur.");
        assertThat(f.events()).as(describe(f)).noneSatisfy(e -> assertThat(e.kinds()).contains(EventKind.CONSULT_CALL));
    }

    @Test
    void conditionsNegationsAndPlansAreNotEvents() {
        assertThat(read("en", "If the talks succeed, Japan and Brazil will hold a summit in March.").events()).isEmpty();
        assertThat(read("es", "Guatemala no se reunió este lunes con Honduras.").events()).isEmpty();
        assertThat(read("en", "France plans to meet Germany next week.").events()).isEmpty();
    }

    @Test
    void aMeetingNounGovernedByAFutureOrAnAnnouncementIsAPlanNotAnEvent() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        for (String body : List.of(
                "El encuentro entre el secretario chileno Luis Paredes Ruiz y la ministra peruana Ana Torres Vidal "
                        + "permitirá consolidar acuerdos en seguridad.",
                "El gobierno anunció una reunión entre el canciller chileno Pedro Soto Marín y la ministra peruana Ana "
                        + "Torres Vidal.")) {
            ArticleFacts f = text.extract(new ArticleInput("t", "test", FRIDAY, "es", "", body));
            assertThat(f.events()).as(describe(f)).noneMatch(e -> e.kinds().contains(EventKind.MEET_VISIT));
        }
    }

    @Test
    void anUndatedLeadIsTheNewsOfItsDayNotAnEventTheTextDatesAYearBefore() {
        ArticleFacts f = ArticleExtractor.withTextActors().extract(new ArticleInput("t", "test", FRIDAY, "en", "",
                "Canadian Trade Minister Anne Leduc said she will ask Japan to open its beef market when she visits "
                        + "Tokyo. Last year, Canada rejected a Japanese request for lower tariffs on cars."));
        assertThat(f.events()).as(describe(f)).anySatisfy(e -> {
            assertEvent(e, EventKind.STATEMENT, List.of("CA", "JP"), FRIDAY);
            assertThat(e.participants()).extracting(Participant::name).contains("Anne Leduc");
        });
    }

    @Test
    void theDateOfAnotherClauseDoesNotDateTheEvent() {
        ArticleEvent e = only(read("es", "El presidente de Francia, que llegó el domingo a Madrid, se reunió ayer con "
                + "el rey de España."));
        assertEvent(e, EventKind.MEET_VISIT, List.of("ES", "FR"), LocalDate.of(2026, 3, 5));
    }

    @Test
    void theLeadKeepsItsRoleAfterATitle() {
        ArticleEvent e = only(read("en", "Ministers talk trade", "The trade ministers of Australia and Italy spoke "
                + "by phone about tariffs."));
        assertEvent(e, EventKind.CONSULT_CALL, List.of("AU", "IT"), FRIDAY);
    }

    @Test
    void aHeadlineThatRestatesALaterReportDoesNotSwallowTheLeadsMeetingOrItsPeople() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        ArticleFacts f = text.extract(new ArticleInput("t", "test", FRIDAY, "es",
                "Perú y Chile acuerdan reforzar su cooperación comercial", "Lima. La ministra de Comercio de Perú, "
                + "Ana Torres Vidal, sostuvo una reunión protocolaria con el embajador de Chile en Lima, Pedro Soto "
                + "Marín, para revisar la agenda bilateral. Durante el encuentro, ambos coincidieron en ampliar el "
                + "intercambio comercial."));
        ArticleEvent meeting = ofKind(f, EventKind.MEET_VISIT);
        assertEvent(meeting, EventKind.MEET_VISIT, List.of("CL", "PE"), FRIDAY);
        assertThat(meeting.participants()).extracting(Participant::name)
                .contains("Ana Torres Vidal", "Pedro Soto Marín");
    }

    @Test
    void theMembersADelegationSentenceListsTakePartInTheMeetingForTheirSideOnly() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        ArticleEvent meeting = only(text.extract(new ArticleInput("t", "test", FRIDAY, "es", "", "Lima. La ministra "
                + "de Comercio de Perú, Ana Torres Vidal, sostuvo una reunión con el embajador de Chile en Lima, Pedro "
                + "Soto Marín. Por parte del ministerio participaron el viceministro de Turismo, Luis Paredes Ruiz, y la "
                + "directora de Comercio Exterior, Rosa Quispe Huamán. Por parte del gobierno chileno estuvieron "
                + "presentes el consejero comercial, Andrés Fuentes Rojas, y el agregado económico, Tomás Vera Lagos. "
                + "También asistieron el canciller de Brasil, Mauro Vieira Lins, y la ministra de Bolivia, Elena "
                + "Mamani Choque.")));
        assertEvent(meeting, EventKind.MEET_VISIT, List.of("CL", "PE"), FRIDAY);
        // Members of the dateline's side, and of the side a sentence names (not the dateline's); no third state.
        assertThat(meeting.participants()).extracting(p -> p.name() + "/" + p.country())
                .contains("Luis Paredes Ruiz/PE", "Rosa Quispe Huamán/PE", "Andrés Fuentes Rojas/CL",
                        "Tomás Vera Lagos/CL")
                .noneMatch(n -> n.startsWith("Mauro") || n.startsWith("Elena"));
    }

    @Test
    void thePeopleWhoHeadTheDelegationsTakePartInTheMeeting() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        ArticleEvent meeting = only(text.extract(new ArticleInput("t", "test", FRIDAY, "es", "", "Lima. Perú y Chile "
                + "celebraron este viernes una reunión sobre comercio. Las delegaciones fueron encabezadas por el "
                + "viceministro de Turismo de Perú, Luis Paredes Ruiz, y por el consejero comercial de Chile, Andrés "
                + "Fuentes Rojas.")));
        assertEvent(meeting, EventKind.MEET_VISIT, List.of("CL", "PE"), FRIDAY);
        assertThat(meeting.participants()).extracting(p -> p.name() + "/" + p.country())
                .contains("Luis Paredes Ruiz/PE", "Andrés Fuentes Rojas/CL");
    }

    @Test
    void aTitledPersonWithoutACountryHoldsTheOfficeOfTheDatelinesCountry() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        ArticleFacts f = text.extract(new ArticleInput("t", "test", FRIDAY, "en", "",
                "OSLO, March 6 - Foreign Minister Ingrid Halvorsen met Chilean Foreign Minister Tomas Aravena on "
                        + "Tuesday to discuss salmon quotas."));
        ArticleEvent e = only(f);
        assertEvent(e, EventKind.MEET_VISIT, List.of("CL", "NO"), LocalDate.of(2026, 3, 3));
        assertThat(e.participants()).as(e.toString()).anySatisfy(p -> {
            assertThat(p.name()).contains("Halvorsen");
            assertThat(p.country()).isEqualTo("NO");
        });
    }

    @Test
    void aPronounOrADroppedSubjectStandsForTheActorNamedJustBefore() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        ArticleFacts es = text.extract(new ArticleInput("t", "test", FRIDAY, "es", "",
                "El gobierno de Bolivia convocó a su embajador para consultas. Al mismo tiempo, en un comunicado "
                        + "posterior, exigió a Paraguay la devolución de los documentos incautados."));
        assertThat(es.events()).as(describe(es)).anySatisfy(e -> {
            assertEvent(e, EventKind.DEMAND, List.of("BO", "PY"), FRIDAY);
            assertRoles(e, "BO", "PY");
        });
        ArticleFacts en = text.extract(new ArticleInput("t", "test", FRIDAY, "en", "",
                "Kenya recalled its envoy for consultations. In a later statement, it also asked Britain to return "
                        + "the seized documents."));
        assertThat(en.events()).as(describe(en)).anySatisfy(e -> {
            assertEvent(e, EventKind.DEMAND, List.of("GB", "KE"), FRIDAY);
            assertRoles(e, "KE", "GB");
        });
    }

    @Test
    void aDemandFurtherOnInTheStoryIsADemandEvenWhenItsSideSpokeBefore() {
        // The parse alone finds "asked ... to": it used to only confirm the lead's statement, without its kind.
        ArticleFacts f = ArticleExtractor.withTextActors().extract(new ArticleInput("t", "test", FRIDAY, "en", "",
                "Talks between Portugal and Angola on an old credit line have made progress, Angolan envoy Rui Tavares "
                        + "said. The two delegations met twice last month in Lisbon. Angola is seeking the return of "
                        + "state funds held abroad. It has also asked Portugal to extradite two former bankers."));
        assertThat(f.events()).as(describe(f)).anySatisfy(e -> {
            assertEvent(e, EventKind.DEMAND, List.of("AO", "PT"), FRIDAY);
            assertRoles(e, "AO", "PT");
        });
    }

    @Test
    void beingUnderPressureFromAnotherStateToActIsItsDemand() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        for (ArticleFacts f : List.of(
                text.extract(new ArticleInput("t", "test", FRIDAY, "en", "",
                        "Rice prices fell again. Thailand has been under pressure from Tokyo to open its rice market.")),
                text.extract(new ArticleInput("t", "test", FRIDAY, "es", "",
                        "Los precios del arroz bajaron. Tailandia ha estado bajo la presión de Japón para abrir su "
                                + "mercado de arroz.")))) {
            assertThat(f.events()).as(describe(f)).anySatisfy(e -> {
                assertEvent(e, EventKind.DEMAND, List.of("JP", "TH"), FRIDAY);
                assertRoles(e, "JP", "TH");
            });
        }
    }

    @Test
    void whomAThreatIsAgainstIsTheObjectOfTheActionItThreatens() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        for (ArticleFacts f : List.of(
                text.extract(new ArticleInput("t", "test", FRIDAY, "es", "", "La frontera sigue cerrada. Pero el "
                        + "presidente de Kenia, Daniel Ochieng, ha advertido que está preparado para atacar Somalia.")),
                text.extract(new ArticleInput("t", "test", FRIDAY, "en", "", "The border remains closed. But Kenya's "
                        + "President Daniel Ochieng has warned that he is ready to attack Somalia.")))) {
            assertThat(f.events()).as(describe(f)).anySatisfy(e -> {
                assertEvent(e, EventKind.THREAT, List.of("KE", "SO"), FRIDAY);
                assertRoles(e, "KE", "SO");
            });
        }
    }

    @Test
    void aCounterpartNamedInAppositionHasTheCountryOfItsDemonym() {
        for (ArticleFacts f : List.of(
                read("en", "Norway's foreign minister, Kari Berg, met his Swedish counterpart, Eva Lund, in Oslo on "
                        + "Friday."),
                read("es", "El canciller de Noruega, Kari Berg, se reunió el viernes con su homólogo sueco, Eva Lund, "
                        + "en Oslo."))) {
            ArticleEvent meeting = ofKind(f, EventKind.MEET_VISIT);
            assertEvent(meeting, EventKind.MEET_VISIT, List.of("NO", "SE"), FRIDAY);
            assertThat(meeting.participants()).as(describe(f))
                    .anySatisfy(p -> {
                        assertThat(p.name()).isEqualTo("Eva Lund");
                        assertThat(p.country()).isEqualTo("SE");
                    });
        }
    }

    @Test
    void comingBackFromAPlaceTellsTheVisitThatEndedThere() {
        for (ArticleFacts f : List.of(
                read("en", "Chile's foreign minister, Ana Ruiz, returned from Lima on Friday."),
                read("es", "La canciller chilena, Ana Ruiz, regresó de Lima el viernes."))) {
            ArticleEvent visit = ofKind(f, EventKind.MEET_VISIT);
            assertEvent(visit, EventKind.MEET_VISIT, List.of("CL", "PE"), FRIDAY);
        }
        assertThat(read("en", "Chile's foreign minister, Ana Ruiz, returned to Santiago on Friday.").events()).isEmpty();
    }

    @Test
    void aDateOnTheMainVerbIsItsEvenWhenAClauseBelowHasATriggerNearer() {
        ArticleFacts f = read("en", "Chile's foreign minister, Ana Ruiz, returned from Lima on Friday after Peru "
                + "responded to her request.");
        assertEvent(ofKind(f, EventKind.MEET_VISIT), EventKind.MEET_VISIT, List.of("CL", "PE"), FRIDAY);
    }

    @Test
    void sanctionsImposedOrAnnouncedAgainstAStateAreAThreatAgainstIt() {
        for (ArticleFacts f : List.of(
                read("en", "Norway announced a programme of economic sanctions against Chile on Friday."),
                read("en", "Washington imposed tariffs on Argentine steel on Friday."),
                read("es", "La Unión Europea aprobó este viernes sanciones contra Bielorrusia."))) {
            assertThat(f.events()).as(describe(f)).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EventKind.THREAT);
                assertThat(e.date().first()).isEqualTo(FRIDAY);
            });
        }
        assertRoles(read("en", "Norway announced a programme of economic sanctions against Chile on Friday.").events()
                .get(0), "NO", "CL");
        assertRoles(read("en", "Washington imposed tariffs on Argentine steel on Friday.").events().get(0), "US", "AR");
        assertRoles(read("es", "La Unión Europea aprobó este viernes sanciones contra Bielorrusia.").events().get(0),
                "EU", "BY");
    }

    @Test
    void sanctionsThatAreLiftedOrNotImposedAreNoThreat() {
        for (ArticleFacts f : List.of(
                read("es", "La Unión Europea levantó este viernes parte de sus sanciones contra Bielorrusia."),
                read("en", "The European Union on Friday lifted its sanctions against Belarus."),
                read("en", "Washington decided on Friday not to impose tariffs on Argentine steel."))) {
            assertThat(f.events()).as(describe(f)).noneMatch(e -> e.kind() == EventKind.THREAT);
        }
    }

    @Test
    void twoStatesThatSignAreThePartiesEvenWhenAMinistryReportsIt() {
        ArticleExtractor text = ArticleExtractor.withTextActors();
        ArticleFacts f = text.extract(new ArticleInput("t", "test", FRIDAY, "en", "",
                "Fishing quotas were on the agenda. Norway and Chile signed an agreement on salmon farming, the "
                        + "Norwegian Foreign Ministry said."));
        assertThat(f.events()).as(describe(f)).anySatisfy(e ->
                assertEvent(e, EventKind.AGREEMENT_COMMITMENT, List.of("CL", "NO"), FRIDAY));
    }

    @Test
    void aHeadlineTitleIsThePersonTheBodyNamesNotTheGazetteersHolderOfTheYear() {
        ArticleFacts f = read("en", "Canada's foreign minister meets Mexico's Secretary of Foreign Affairs in Ottawa",
                "OTTAWA, March 3, 2026 - Canada's Minister of Foreign Affairs, Anne Leduc, today welcomed Mexico's "
                        + "Secretary of Foreign Affairs, Tomás Herrera Vidal, to Ottawa for talks on trade.");
        assertThat(f.events()).as(describe(f)).isNotEmpty().allSatisfy(e -> assertThat(e.participants())
                .extracting(Participant::actorId).doesNotContain("juan-ramon-de-la-fuente"));
        assertThat(f.events()).anySatisfy(e -> assertThat(e.participants()).extracting(Participant::name)
                .anySatisfy(n -> assertThat(n).contains("Leduc"))
                .anySatisfy(n -> assertThat(n).contains("Herrera Vidal")));
    }

    @Test
    void aPersonActedOnInAnotherClauseIsContextNotAParty() {
        // The parse names one country only (Peru is in the content), so the word rules' actors would all take part.
        for (ArticleFacts f : List.of(read("es", "Luego de la operación chilena en Bolivia para detener al exministro "
                        + "Jorge Quiroga, el presidente chileno Mario Soto ha insistido en que algo hay que hacer con Perú, "
                        + "además de advertir que cerrará la frontera."),
                read("en", "After the raid in Bolivia to arrest former minister Jorge Quiroga, Chile's President Mario "
                        + "Soto has insisted that something must be done about Peru, besides warning that he would close "
                        + "the border."))) {
            assertThat(f.events()).as(describe(f)).isNotEmpty().allSatisfy(e -> {
                assertThat(e.participants()).extracting(Participant::name).noneSatisfy(n -> assertThat(n).contains("Quiroga"));
                assertThat(e.participants()).anySatisfy(p -> {
                    assertThat(p.name()).isEqualTo("Mario Soto");
                    assertThat(p.role()).isEqualTo(Participant.Role.INITIATOR);
                });
                assertThat(e.countries()).contains("CL", "PE");
            });
        }
    }

    @Test
    void rejectingAnAccordWithAStateAddressesThatState() {
        ArticleEvent en = ofKind(read("en", "Norway denied breaking a fishing pact with Chile on Friday."),
                EventKind.REJECTION);
        assertEvent(en, EventKind.REJECTION, List.of("CL", "NO"), FRIDAY);
        assertRoles(en, "NO", "CL");
        ArticleEvent es = ofKind(read("es", "Venezuela rechazó este viernes el acuerdo fronterizo con Colombia."),
                EventKind.REJECTION);
        assertEvent(es, EventKind.REJECTION, List.of("CO", "VE"), FRIDAY);
        assertRoles(es, "VE", "CO");
    }

    @Test
    void theDemonymOfAStateGoneByTheArticlesDateMakesNoParty() {
        ArticleFacts f = read("en", "Ukraine, a former Soviet republic, protested to Russia on Friday over the gas cuts.");
        assertThat(f.events()).as(describe(f)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.countries()).doesNotContain("SU"));
        assertThat(f.events()).anySatisfy(e -> assertEvent(e, EventKind.REJECTION, List.of("RU", "UA"), FRIDAY));
    }

    @Test
    void anActByTheTargetOfAnotherIsAnActOfItsOwn() {
        ArticleFacts f = read("en", "Chile asked Peru on Friday to reopen the border. Peru warned Bolivia against "
                + "moving troops to the frontier.");
        assertThat(f.events()).as(describe(f)).anySatisfy(e -> {
            assertEvent(e, EventKind.THREAT, List.of("BO", "PE"), FRIDAY);
            assertRoles(e, "PE", "BO");
        });
        assertThat(f.events()).anySatisfy(e -> assertEvent(e, EventKind.DEMAND, List.of("CL", "PE"), FRIDAY));
    }

    @Test
    void aDemandPutToABodyOfOnesOwnStateIsNoEngagement() {
        ArticleFacts f = read("en", "Norwegian Trade Minister Kari Berg has asked the Norwegian parliament to block "
                + "the sale of the shipyard to Chile's Astilleros Sur, officials said on Friday.");
        assertThat(f.events()).as(describe(f)).noneMatch(e -> e.kind() == EventKind.DEMAND);
    }

    @Test
    void aChargeAboutAStatesInstitutionAccusesThatState() {
        ArticleEvent e = ofKind(read("en", "Norway on Friday charged that the Chilean fishing fleet was breaking "
                + "the quotas."), EventKind.REJECTION);
        assertEvent(e, EventKind.REJECTION, List.of("CL", "NO"), FRIDAY);
        assertRoles(e, "NO", "CL");
    }
}
