package dev.parley.extract.syntax;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.extract.EventKind;
import dev.parley.nlp.ParsedSentence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The trigger, argument and date stages on hand-written parses (the CoreNLP end-to-end tests are elsewhere). */
class SyntaxStagesTest {

    private static final TriggerLexicon LEXICON = load();
    private static final TriggerFinder TRIGGERS = new TriggerFinder(LEXICON);
    private static final ArgumentReader ARGUMENTS = new ArgumentReader(LEXICON);
    private static final DateAttacher DATES = new DateAttacher();

    private static TriggerLexicon load() {
        try (var in = SyntaxStagesTest.class.getResourceAsStream("/parley/lexicon.json")) {
            return new TriggerLexicon(new ObjectMapper().readTree(in).get("syntax"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String words(DependencyTree tree, List<List<Integer>> phrases) {
        return phrases.stream().map(p -> p.stream().map(i -> tree.token(i).word()).collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" | "));
    }

    @Test
    void wordsBetweenVerbAndPrepositionDoNotHideTheParticipant() {
        // "Shultz met for an hour with Shevardnadze on the tariffs of Japan"
        ParsedSentence p = Conllu.parse(
                "1 Shultz Shultz PROPN 2 nsubj PERSON",
                "2 met meet VERB 0 root",
                "3 for for ADP 5 case",
                "4 an a DET 5 det",
                "5 hour hour NOUN 2 obl",
                "6 with with ADP 7 case",
                "7 Shevardnadze Shevardnadze PROPN 2 obl PERSON",
                "8 on on ADP 10 case",
                "9 the the DET 10 det",
                "10 tariffs tariff NOUN 2 obl",
                "11 of of ADP 12 case",
                "12 Japan Japan PROPN 10 nmod LOCATION");
        DependencyTree tree = new DependencyTree(p);
        List<EventTrigger> found = TRIGGERS.find(tree, "en");
        assertThat(found).extracting(EventTrigger::kind).containsExactly(EventKind.MEET_VISIT);
        assertThat(found.get(0).asserted()).isTrue();
        EventArguments args = ARGUMENTS.read(tree, found.get(0));
        assertThat(words(tree, args.subjects())).isEqualTo("Shultz");
        assertThat(words(tree, args.objects())).isEqualTo("with Shevardnadze");
    }

    @Test
    void anEventNounTakesItsPartiesAndConjuncts() {
        // "la llamada entre Trudeau y Peña Nieto sobre la crisis en Venezuela"
        ParsedSentence p = Conllu.parse(
                "1 la el DET 2 det",
                "2 llamada llamada NOUN 0 root",
                "3 entre entre ADP 4 case",
                "4 Trudeau Trudeau PROPN 2 nmod PERSON",
                "5 y y CCONJ 6 cc",
                "6 Peña Peña PROPN 4 conj PERSON",
                "7 Nieto Nieto PROPN 6 flat PERSON",
                "8 sobre sobre ADP 10 case",
                "9 la el DET 10 det",
                "10 crisis crisis NOUN 2 nmod",
                "11 en en ADP 12 case",
                "12 Venezuela Venezuela PROPN 10 nmod LOCATION");
        DependencyTree tree = new DependencyTree(p);
        List<EventTrigger> found = TRIGGERS.find(tree, "es");
        assertThat(found).extracting(EventTrigger::kind).containsExactly(EventKind.CONSULT_CALL);
        EventArguments args = ARGUMENTS.read(tree, found.get(0));
        assertThat(words(tree, args.objects())).isEqualTo("entre Trudeau | Peña Nieto");
        assertThat(words(tree, args.subjects())).isEmpty();
    }

    @Test
    void soCalledIsNotACall() {
        // "la llamada Guerra del Atlántico Sur"
        ParsedSentence p = Conllu.parse(
                "1 la el DET 2 det",
                "2 llamada llamada NOUN 0 root",
                "3 Guerra Guerra PROPN 2 appos",
                "4 del del ADP 5 case",
                "5 Atlántico Atlántico PROPN 3 nmod",
                "6 Sur Sur PROPN 5 flat");
        assertThat(TRIGGERS.find(new DependencyTree(p), "es")).isEmpty();
    }

    @Test
    void aDateAfterAnAgreementVerbDatesTheAgreementButNotWhenItModifiesThePlannedMeeting() {
        // "México y Canadá acordaron este martes reunirse el viernes"
        ParsedSentence p = Conllu.parse(
                "1 México México PROPN 3 nsubj LOCATION",
                "2 y y CCONJ 3 cc",
                "3 Canadá Canadá PROPN 1 conj LOCATION",
                "4 acordaron acordar VERB 0 root",
                "5 este este DET 6 det",
                "6 martes martes NOUN 4 obl:tmod",
                "7 reunirse reunir VERB 4 xcomp",
                "8 el el DET 9 det",
                "9 viernes viernes NOUN 7 obl:tmod");
        // fix the subject: México is the subject of acordaron
        ParsedSentence fixed = new ParsedSentence(p.text(), p.tokens(), p.entities(), p.dependencies().stream()
                .map(d -> d.dependent() == 0 ? new dev.parley.nlp.Dependency(3, 0, "nsubj")
                        : d.dependent() == 2 ? new dev.parley.nlp.Dependency(0, 2, "conj") : d).toList());
        DependencyTree tree = new DependencyTree(fixed);
        List<EventTrigger> found = TRIGGERS.find(tree, "es");
        assertThat(found).extracting(EventTrigger::kind)
                .containsExactly(EventKind.AGREEMENT_COMMITMENT, EventKind.MEET_VISIT);
        assertThat(found.get(0).modality()).isEqualTo(Modality.ASSERTED);
        assertThat(found.get(1).modality()).isEqualTo(Modality.PLANNED);
        assertThat(words(tree, ARGUMENTS.read(tree, found.get(0)).subjects())).isEqualTo("México | Canadá");
        int martes = tree.token(5).begin();
        int viernes = tree.token(8).begin();
        assertThat(DATES.dated(tree, found, martes - 5, tree.token(5).end())).isEqualTo(found.get(0));
        assertThat(DATES.dated(tree, found, viernes - 3, tree.token(8).end())).isEqualTo(found.get(1));
    }

    @Test
    void negationsConditionsAndModalsAreNotAsserted() {
        // "if the talks succeed, Reagan will meet Gorbachev"
        ParsedSentence conditional = Conllu.parse(
                "1 if if SCONJ 4 mark",
                "2 the the DET 3 det",
                "3 talks talk NOUN 4 nsubj",
                "4 succeed succeed VERB 7 advcl",
                "5 Reagan Reagan PROPN 7 nsubj PERSON",
                "6 will will AUX 7 aux",
                "7 meet meet VERB 0 root",
                "8 Gorbachev Gorbachev PROPN 7 obj PERSON");
        List<EventTrigger> c = TRIGGERS.find(new DependencyTree(conditional), "en");
        assertThat(c).extracting(EventTrigger::kind).containsExactly(EventKind.MEET_VISIT);
        assertThat(c.get(0).asserted()).isFalse();
        // "Obama no se reunió con Peña"
        ParsedSentence negated = Conllu.parse(
                "1 Obama Obama PROPN 4 nsubj PERSON",
                "2 no no ADV 4 advmod",
                "3 se él PRON 4 expl:pv",
                "4 reunió reunir VERB 0 root",
                "5 con con ADP 6 case",
                "6 Peña Peña PROPN 4 obl PERSON");
        List<EventTrigger> n = TRIGGERS.find(new DependencyTree(negated), "es");
        assertThat(n).extracting(EventTrigger::modality).containsExactly(Modality.NEGATED);
        // "Peña podría reunirse con Obama"
        ParsedSentence modal = Conllu.parse(
                "1 Peña Peña PROPN 3 nsubj PERSON",
                "2 podría poder AUX 3 aux",
                "3 reunirse reunir VERB 0 root",
                "4 con con ADP 5 case",
                "5 Obama Obama PROPN 3 obl PERSON");
        assertThat(TRIGGERS.find(new DependencyTree(modal), "es")).extracting(EventTrigger::modality)
                .containsExactly(Modality.HEDGED);
    }

    @Test
    void aHeadlinePresentAndALightVerbNounAreTriggers() {
        // "Sostienen reunión Peña Nieto y Obama"
        ParsedSentence p = Conllu.parse(
                "1 Sostienen sostener PROPN 0 root",
                "2 reunión reunión NOUN 1 obj",
                "3 Peña Peña PROPN 1 nsubj PERSON",
                "4 Nieto Nieto PROPN 3 flat PERSON",
                "5 y y CCONJ 6 cc",
                "6 Obama Obama PROPN 3 conj PERSON");
        DependencyTree tree = new DependencyTree(p);
        List<EventTrigger> found = TRIGGERS.find(tree, "es");
        assertThat(found).extracting(EventTrigger::kind).containsExactly(EventKind.MEET_VISIT);
        assertThat(found.get(0).noun()).isTrue();
        assertThat(found.get(0).predicate()).isEqualTo(0);
        assertThat(words(tree, ARGUMENTS.read(tree, found.get(0)).subjects())).isEqualTo("Peña Nieto | Obama");
    }

    @Test
    void theSubjectInitiatesAndTheObliqueIsTargetedWhateverTheWordOrder() {
        // "Reclamó este viernes a Chile el gobierno argentino"
        ParsedSentence p = Conllu.parse(
                "1 Reclamó reclamar VERB 0 root",
                "2 este este DET 3 det",
                "3 viernes viernes NOUN 1 obl:tmod",
                "4 a a ADP 5 case",
                "5 Chile Chile PROPN 1 obl LOCATION",
                "6 el el DET 7 det",
                "7 gobierno gobierno NOUN 1 nsubj",
                "8 argentino argentino ADJ 7 amod");
        DependencyTree tree = new DependencyTree(p);
        List<EventTrigger> found = TRIGGERS.find(tree, "es");
        assertThat(found).extracting(EventTrigger::kind).containsExactly(EventKind.DEMAND);
        EventArguments args = ARGUMENTS.read(tree, found.get(0));
        assertThat(words(tree, args.subjects())).isEqualTo("el gobierno argentino");
        assertThat(words(tree, args.objects())).isEqualTo("a Chile");
        assertThat(DATES.dated(tree, found, tree.token(1).begin(), tree.token(2).end())).isEqualTo(found.get(0));
    }

    @Test
    void aPunitiveActAnnouncedForTheFutureIsAThreatMadeNow() {
        // "Washington will impose tariffs on Japan" / "Washington will not impose tariffs on Japan"
        ParsedSentence p = Conllu.parse(
                "1 Washington Washington PROPN 3 nsubj LOCATION",
                "2 will will AUX 3 aux",
                "3 impose impose VERB 0 root",
                "4 tariffs tariff NOUN 3 obj",
                "5 on on ADP 6 case",
                "6 Japan Japan PROPN 3 obl LOCATION");
        List<EventTrigger> found = TRIGGERS.find(new DependencyTree(p), "en");
        assertThat(found).extracting(EventTrigger::kind).containsExactly(EventKind.THREAT);
        assertThat(found.get(0).asserted()).isTrue();
        ParsedSentence negated = Conllu.parse(
                "1 Washington Washington PROPN 4 nsubj LOCATION",
                "2 will will AUX 4 aux",
                "3 not not PART 4 advmod",
                "4 impose impose VERB 0 root",
                "5 tariffs tariff NOUN 4 obj");
        assertThat(TRIGGERS.find(new DependencyTree(negated), "en")).isEmpty();
    }

    @Test
    void aCapitalisedEventNounOpeningAHeadlineIsTheNounNotAVerb() {
        // "Talks between France and Iran made progress"
        ParsedSentence p = Conllu.parse(
                "1 Talks talk NOUN 6 nsubj",
                "2 between between ADP 3 case",
                "3 France France PROPN 1 nmod LOCATION",
                "4 and and CCONJ 5 cc",
                "5 Iran Iran PROPN 3 conj LOCATION",
                "6 made make VERB 0 root",
                "7 progress progress NOUN 6 obj");
        DependencyTree tree = new DependencyTree(p);
        List<EventTrigger> found = TRIGGERS.find(tree, "en");
        assertThat(found).extracting(EventTrigger::kind).containsExactly(EventKind.MEET_VISIT);
        assertThat(found.get(0).noun()).isTrue();
        assertThat(words(tree, ARGUMENTS.read(tree, found.get(0)).objects())).contains("between France | Iran");
    }
}
