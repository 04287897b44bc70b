package dev.parley.engagement;

import dev.parley.extract.EventKind;

import dev.parley.extract.ArticleEvent;
import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.DateBasis;
import dev.parley.extract.DatePrecision;
import dev.parley.extract.Gazetteer;
import dev.parley.extract.Participant;
import dev.parley.extract.Participant.Role;
import dev.parley.extract.Passage;
import dev.parley.extract.ResolvedDate;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two reports are one event only with compatible kinds and the same participants' countries (and direction for
 * verbal acts): the merger on hand-made facts of several articles, with the shipped ontology and gazetteer.
 */
class MergeAcrossReportsTest {

    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.withDefaults();
    private static final Gazetteer GAZETTEER = EXTRACTOR.gazetteer();
    private static final EngagementMerger MERGER = new EngagementMerger(EXTRACTOR.ontology(), GAZETTEER);

    private static Participant state(String code, Role role) {
        return Participant.of(GAZETTEER.actor("country:" + code).orElseThrow(), role);
    }

    private static Participant person(String id, Role role) {
        return Participant.of(GAZETTEER.actor(id).orElseThrow(), role);
    }

    private static ArticleFacts article(String id, String day, EventKind kind, DatePrecision precision,
                                        Participant... participants) {
        LocalDate date = LocalDate.parse(day);
        ArticleEvent e = new ArticleEvent(id + "#e1", id, kind, EnumSet.of(kind), List.of(participants),
                new ResolvedDate(date, precision), DateBasis.EXPLICIT, date, null, Set.of(),
                List.of(new Passage(id, 0, 10, "report " + id)), List.of(), List.of());
        return new ArticleFacts(id, date.plusDays(1), "es", List.of(e), List.of(), Set.of());
    }

    @Test
    void threatsInOppositeDirectionsAreTwoEventsAndTheSameDirectionIsOne() {
        ArticleFacts usThreatens = article("a1", "2026-01-13", EventKind.THREAT, DatePrecision.DAY,
                state("US", Role.INITIATOR), state("MX", Role.TARGET));
        ArticleFacts mxThreatens = article("a2", "2026-01-13", EventKind.THREAT, DatePrecision.DAY,
                state("MX", Role.INITIATOR), state("US", Role.TARGET));
        ArticleFacts usAgain = article("a3", "2026-01-13", EventKind.THREAT, DatePrecision.DAY,
                person("donald-trump", Role.INITIATOR), state("MX", Role.TARGET));

        EngagementState two = MERGER.merge(List.of(usThreatens, mxThreatens));
        assertThat(two.events()).hasSize(2);
        assertThat(two.events()).extracting(e -> e.articleIds().size()).containsOnly(1);

        EngagementState withSecondReport = MERGER.merge(List.of(usThreatens, mxThreatens, usAgain));
        assertThat(withSecondReport.events()).hasSize(2);
        assertThat(withSecondReport.events()).anySatisfy(e -> assertThat(e.articleIds()).containsExactly("a1", "a3"));
    }

    @Test
    void whatWasAgreedIsAnEventApartFromTheCallWhileItsCommuniqueIsTheCall() {
        ArticleFacts call = article("g1", "2026-01-15", EventKind.CONSULT_CALL, DatePrecision.DAY,
                person("marco-rubio", Role.PARTICIPANT), person("juan-ramon-de-la-fuente", Role.PARTICIPANT));
        ArticleFacts agreed = article("g2", "2026-01-15", EventKind.AGREEMENT_COMMITMENT, DatePrecision.DAY,
                person("marco-rubio", Role.PARTICIPANT), person("juan-ramon-de-la-fuente", Role.PARTICIPANT));
        ArticleFacts communique = article("g3", "2026-01-15", EventKind.JOINT_STATEMENT, DatePrecision.DAY,
                person("marco-rubio", Role.PARTICIPANT), person("juan-ramon-de-la-fuente", Role.PARTICIPANT));

        assertThat(MERGER.merge(List.of(call, agreed)).events()).extracting(EngagementEvent::kind)
                .containsExactlyInAnyOrder(EventKind.CONSULT_CALL, EventKind.AGREEMENT_COMMITMENT);
        assertThat(MERGER.merge(List.of(call, communique)).events()).singleElement()
                .satisfies(e -> assertThat(e.articleIds()).containsExactly("g1", "g3"));
    }

    @Test
    void twoEventsOfOneDayBetweenTheSameSidesHaveTwoIdsAndTheFirstKeepsItsOwn() {
        ArticleFacts usDemands = article("d1", "2026-01-13", EventKind.DEMAND, DatePrecision.DAY,
                state("US", Role.INITIATOR), state("MX", Role.TARGET));
        ArticleFacts mxRejects = article("d2", "2026-01-13", EventKind.REJECTION, DatePrecision.DAY,
                state("MX", Role.INITIATOR), state("US", Role.TARGET));
        ArticleFacts mxThreatens = article("d3", "2026-01-13", EventKind.THREAT, DatePrecision.DAY,
                state("MX", Role.INITIATOR), state("US", Role.TARGET));

        String alone = MERGER.merge(List.of(usDemands)).events().get(0).eventId();
        EngagementState three = MERGER.merge(List.of(usDemands, mxRejects, mxThreatens));

        assertThat(three.events()).hasSize(3);
        assertThat(three.events()).extracting(EngagementEvent::eventId).doesNotHaveDuplicates();
        // The threat ranks above the demand in the ontology: it takes the plain id; the demand's is its own.
        String demandId = three.events().stream().filter(e -> e.kind() == EventKind.DEMAND).findFirst()
                .orElseThrow().eventId();
        assertThat(demandId).isNotEqualTo(alone);
        assertThat(MERGER.merge(List.of(usDemands, mxThreatens)).events())
                .filteredOn(e -> e.kind() == EventKind.DEMAND).extracting(EngagementEvent::eventId)
                .containsExactly(demandId);
    }

    @Test
    void reportsSharingOneCountryAndAWeekButNotThePairAreTwoEvents() {
        ArticleFacts mxUs = article("b1", "2026-01-13", EventKind.CONSULT_CALL, DatePrecision.DAY,
                state("MX", Role.PARTICIPANT), state("US", Role.PARTICIPANT));
        ArticleFacts mxCaSameWeek = article("b2", "2026-01-12", EventKind.CONSULT_CALL, DatePrecision.WEEK,
                state("MX", Role.PARTICIPANT), state("CA", Role.PARTICIPANT));
        ArticleFacts mxUsSameWeek = article("b3", "2026-01-12", EventKind.CONSULT_CALL, DatePrecision.WEEK,
                state("US", Role.PARTICIPANT), state("MX", Role.PARTICIPANT));

        EngagementState state = MERGER.merge(List.of(mxUs, mxCaSameWeek, mxUsSameWeek));
        assertThat(state.events()).hasSize(2);
        assertThat(state.events()).anySatisfy(e -> assertThat(e.articleIds()).containsExactly("b1", "b3"));
        assertThat(state.events()).anySatisfy(e -> assertThat(e.articleIds()).containsExactly("b2"));
    }

    @Test
    void verbalActsMergeOnlyWithTheSameOrACompatibleKind() {
        ArticleFacts demand = article("c1", "2026-01-16", EventKind.DEMAND, DatePrecision.DAY,
                state("US", Role.INITIATOR), state("MX", Role.TARGET));
        ArticleFacts statement = article("c2", "2026-01-16", EventKind.STATEMENT, DatePrecision.DAY,
                state("US", Role.INITIATOR), state("MX", Role.TARGET));
        ArticleFacts rejection = article("c3", "2026-01-16", EventKind.REJECTION, DatePrecision.DAY,
                state("US", Role.INITIATOR), state("MX", Role.TARGET));

        assertThat(MERGER.merge(List.of(demand, statement)).events()).hasSize(1);
        assertThat(MERGER.merge(List.of(demand, rejection)).events()).hasSize(2);
        // A statement may be either act, but one event cannot be both a demand and a rejection.
        assertThat(MERGER.merge(List.of(demand, statement, rejection)).events()).hasSize(2);
    }

    @Test
    void theStricterMergeIsStillAFunctionOfTheSetOfArticles() {
        List<ArticleFacts> facts = List.of(
                article("d1", "2026-01-13", EventKind.THREAT, DatePrecision.DAY, state("US", Role.INITIATOR), state("MX", Role.TARGET)),
                article("d2", "2026-01-13", EventKind.THREAT, DatePrecision.DAY, state("MX", Role.INITIATOR), state("US", Role.TARGET)),
                article("d3", "2026-01-12", EventKind.STATEMENT, DatePrecision.WEEK, state("US", Role.INITIATOR), state("MX", Role.TARGET)),
                article("d4", "2026-01-13", EventKind.CONSULT_CALL, DatePrecision.DAY, state("MX", Role.PARTICIPANT), state("CA", Role.PARTICIPANT)),
                article("d5", "2026-01-12", EventKind.CONSULT_CALL, DatePrecision.WEEK, state("MX", Role.PARTICIPANT), state("US", Role.PARTICIPANT)),
                article("d6", "2026-01-13", EventKind.JOINT_STATEMENT, DatePrecision.DAY, state("CA", Role.PARTICIPANT), state("MX", Role.PARTICIPANT)));
        EngagementState baseline = MERGER.merge(facts);
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            List<ArticleFacts> shuffled = new ArrayList<>(facts);
            shuffled.add(facts.get(random.nextInt(facts.size())));
            Collections.shuffle(shuffled, random);
            assertThat(MERGER.merge(shuffled)).as("trial " + trial).isEqualTo(baseline);
        }
    }
}
