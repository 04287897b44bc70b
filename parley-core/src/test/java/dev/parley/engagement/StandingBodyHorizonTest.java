package dev.parley.engagement;

import dev.parley.extract.ArticleCommitment;
import dev.parley.extract.ArticleEvent;
import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.DateBasis;
import dev.parley.extract.DatePrecision;
import dev.parley.extract.EventKind;
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
 * A standing body's commitment without a due date is one commitment with the reports of that body whose papers are
 * within {@link EngagementMerger#STANDING_BODY_HORIZON_DAYS}, not with every report of the body ever; the
 * incremental merge keeps to the same rule (its blocking keys bucket the body's reports by week).
 */
class StandingBodyHorizonTest {

    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.withDefaults();
    private static final Gazetteer GAZETTEER = EXTRACTOR.gazetteer();
    private static final EngagementMerger MERGER = new EngagementMerger(EXTRACTOR.ontology(), GAZETTEER);
    private static final String BODY = "us-mx-security-implementation-group";
    private static final LocalDate START = LocalDate.of(2026, 1, 14);
    private static final int HORIZON = EngagementMerger.STANDING_BODY_HORIZON_DAYS;

    /** A paper on the given day: a call between Mexico and the US at which the body's meeting was agreed. */
    private static ArticleFacts report(String id, LocalDate published, ResolvedDate due) {
        ArticleEvent call = new ArticleEvent(id + "#e1", id, EventKind.CONSULT_CALL, EnumSet.of(EventKind.CONSULT_CALL),
                List.of(state("MX"), state("US")), ResolvedDate.day(published.minusDays(1)), DateBasis.EXPLICIT,
                published, null, Set.of(), List.of(new Passage(id, 0, 10, "call " + id)), List.of(), List.of());
        ArticleCommitment agreed = new ArticleCommitment(id + "#c1", id, id + "#e1",
                "Security Implementation Group", BODY, due, null, List.of(BODY),
                new Passage(id, 20, 40, "the group will meet " + id));
        return new ArticleFacts(id, published, "en", List.of(call), List.of(agreed), Set.of());
    }

    private static Participant state(String code) {
        return Participant.of(GAZETTEER.actor("country:" + code).orElseThrow(), Role.PARTICIPANT);
    }

    private static List<List<String>> commitmentArticles(EngagementState state) {
        return state.commitments().stream().map(c -> c.sources().stream().map(Passage::articleId).sorted().toList())
                .sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    @Test
    void undatedReportsOfABodyAreOneCommitmentWithinTheHorizonAndTwoBeyondIt() {
        ArticleFacts first = report("a1", START, null);
        ArticleFacts within = report("a2", START.plusDays(HORIZON), null);
        ArticleFacts beyond = report("a3", START.plusDays(HORIZON + 1), null);

        assertThat(commitmentArticles(MERGER.merge(List.of(first, within))))
                .containsExactly(List.of("a1", "a2"));
        assertThat(commitmentArticles(MERGER.merge(List.of(first, beyond))))
                .containsExactly(List.of("a1"), List.of("a3"));
    }

    @Test
    void aDatedReportJoinsAnUndatedOneOfItsBodyOnlyWithinTheHorizon() {
        ResolvedDate month = new ResolvedDate(LocalDate.of(2026, 3, 1), DatePrecision.MONTH);
        ArticleFacts undated = report("b1", START, null);
        ArticleFacts datedSoon = report("b2", START.plusDays(10), month);
        ArticleFacts datedLate = report("b3", START.plusDays(HORIZON + 10), month);

        assertThat(commitmentArticles(MERGER.merge(List.of(undated, datedSoon))))
                .containsExactly(List.of("b1", "b2"));
        assertThat(commitmentArticles(MERGER.merge(List.of(undated, datedLate))))
                .containsExactly(List.of("b1"), List.of("b3"));
        // Two dated reports of one due month are one commitment however far apart their papers are.
        assertThat(commitmentArticles(MERGER.merge(List.of(datedSoon, datedLate))))
                .containsExactly(List.of("b2", "b3"));
    }

    @Test
    void theIncrementalMergeKeepsToTheHorizonInAnyOrder() {
        // Reports of the body every 9 to 40 days, some dated: chains within the horizon and gaps beyond it.
        List<ArticleFacts> facts = new ArrayList<>();
        Random random = new Random(11);
        LocalDate day = START;
        for (int i = 0; i < 40; i++) {
            day = day.plusDays(9 + random.nextInt(32));
            ResolvedDate due = random.nextInt(3) == 0
                    ? new ResolvedDate(day.plusDays(20).withDayOfMonth(1), DatePrecision.MONTH) : null;
            facts.add(report("r" + i, day, due));
        }
        EngagementState whole = MERGER.merge(facts);
        assertThat(whole.commitments().size()).isBetween(2, facts.size() - 1);
        for (long order = 0; order < 10; order++) {
            List<ArticleFacts> shuffled = new ArrayList<>(facts);
            Collections.shuffle(shuffled, new Random(order));
            IncrementalMerge incremental = new IncrementalMerge(MERGER);
            for (int i = 0; i < shuffled.size(); i++) {
                incremental.put(shuffled.get(i));
                assertThat(incremental.state()).as("order %d, after %d", order, i + 1)
                        .isEqualTo(MERGER.merge(shuffled.subList(0, i + 1)));
            }
        }
    }

    @Test
    void aChangeReMergesOnlyTheBodysReportsNearIt() {
        // One undated report of the body every ten weeks for ten years: a change re-groups its own report only.
        List<ArticleFacts> history = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            history.add(report("h" + i, START.plusWeeks(10L * i), null));
        }
        IncrementalMerge incremental = new IncrementalMerge(MERGER);
        history.forEach(incremental::put);
        incremental.refresh();
        ArticleFacts last = history.get(history.size() - 1);
        incremental.put(report(last.articleId(), last.publishedAt().plusDays(1), null));
        IncrementalMerge.Changes changes = incremental.refresh();
        assertThat(changes.mergedReports()).isEqualTo(1);
        assertThat(incremental.state().commitments()).hasSize(history.size());
    }
}
