package dev.parley.engagement;

import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.DatePrecision;
import dev.parley.extract.EventKind;
import dev.parley.extract.Lexicon;
import dev.parley.extract.ResolvedDate;
import dev.parley.extract.report.ExpectedFacts;
import dev.parley.extract.report.ExtractionReport;
import dev.parley.extract.report.IngestedCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed corpus must give E1–E6 and the two commitments of SEEDS.md, whatever the order of ingestion. */
class SeedEngagementTest {

    private static final ArticleExtractor EXTRACTOR = ArticleExtractor.withDefaults();
    private static final EngagementMerger MERGER = new EngagementMerger(EXTRACTOR.ontology(), EXTRACTOR.gazetteer());
    private static ExpectedFacts expected;
    private static IngestedCorpus corpus;
    private static List<ArticleFacts> facts;
    private static EngagementState state;

    @BeforeAll
    static void extractSeeds() throws Exception {
        Path expectedFile = Path.of(SeedEngagementTest.class.getResource("/parley/expected-facts.json").toURI());
        expected = ExpectedFacts.read(expectedFile);
        corpus = IngestedCorpus.read(Path.of(System.getProperty("parley.seeds.dir")));
        facts = corpus.articles().stream().map(EXTRACTOR::extract).toList();
        state = MERGER.merge(facts);
    }

    @Test
    void reportScoresEveryExpectedFactAndNothingElse() {
        ExtractionReport.Result r = new ExtractionReport(EXTRACTOR).score(expected, corpus, facts, state);
        r.unmatchedExtracted().forEach(System.out::println);
        assertThat(r.events().recall()).isEqualTo(1.0);
        assertThat(r.events().precision()).isEqualTo(1.0);
        assertThat(r.commitments().recall()).isEqualTo(1.0);
        assertThat(r.commitments().precision()).isEqualTo(1.0);
        assertThat(r.actors().recall()).isEqualTo(1.0);
        assertThat(r.topicRecall()).isEqualTo(1.0);
        assertThat(r.sourceRecall()).isEqualTo(1.0);
    }

    @Test
    void theFifteenJanuaryCallIsOneEventWithThreeSourcesAndItsCommunique() {
        EngagementEvent e3 = event(LocalDate.of(2026, 1, 15), EventKind.CONSULT_CALL);
        assertThat(keys(e3.articleIds())).containsExactly("001_976870d5a58268f5", "002_3f8b603159821523",
                "004_4e793aa9c7a99475");
        assertThat(e3.kinds()).contains(EventKind.JOINT_STATEMENT);
        assertThat(e3.keyActors()).containsExactlyInAnyOrder("marco-rubio", "juan-ramon-de-la-fuente");
        assertThat(e3.sources()).allSatisfy(s -> assertThat(s.passages()).isNotEmpty());
    }

    @Test
    void theThreatIsDatedToTheWeekBeforeTheFirstCall() {
        EngagementEvent e6 = event(new ResolvedDate(LocalDate.of(2026, 1, 5), DatePrecision.WEEK).date(), EventKind.THREAT);
        assertThat(e6.date().precision()).isEqualTo(DatePrecision.WEEK);
        assertThat(e6.participants()).anySatisfy(p -> {
            assertThat(p.actorId()).isEqualTo("donald-trump");
            assertThat(p.role()).isEqualTo(dev.parley.extract.Participant.Role.INITIATOR);
        });
        assertThat(e6.goldstein()).isNegative();
    }

    @Test
    void bothSidesReadoutsOfTheElevenJanuaryCallAreKeptWithTheirDifferences() {
        EngagementEvent e1 = event(LocalDate.of(2026, 1, 11), EventKind.CONSULT_CALL);
        assertThat(e1.readouts()).extracting(EngagementEvent.Readout::side).contains("US", "MX");
        assertThat(e1.emphasisDifferences()).anySatisfy(d -> {
            assertThat(d.side()).isEqualTo("US");
            assertThat(d.emphasis()).isEqualTo(Lexicon.StanceType.PRESSURE.name());
            assertThat(d.spans()).isNotEmpty();
        });
        assertThat(e1.emphasisDifferences()).anySatisfy(d -> {
            assertThat(d.side()).isEqualTo("MX");
            assertThat(d.emphasis()).isEqualTo(Lexicon.StanceType.SOVEREIGNTY.name());
        });
    }

    @Test
    void commitmentsAreScheduledWithDueDatesPlaceAndTheEventWhereTheyWereAgreed() {
        EngagementEvent e3 = event(LocalDate.of(2026, 1, 15), EventKind.CONSULT_CALL);
        assertThat(state.commitments()).hasSize(2);
        Commitment group = state.commitments().stream().filter(c -> c.dueDate().precision() == DatePrecision.DAY)
                .findFirst().orElseThrow();
        Commitment ministerial = state.commitments().stream().filter(c -> c.dueDate().precision() == DatePrecision.MONTH)
                .findFirst().orElseThrow();
        assertThat(group.dueDate()).isEqualTo(ResolvedDate.day(LocalDate.of(2026, 1, 23)));
        assertThat(group.subjectActorId()).isEqualTo("us-mx-security-implementation-group");
        assertThat(ministerial.dueDate()).isEqualTo(new ResolvedDate(LocalDate.of(2026, 2, 1), DatePrecision.MONTH));
        assertThat(ministerial.placeId()).isEqualTo("washington-dc");
        assertThat(state.commitments()).allSatisfy(c -> {
            assertThat(c.agreedAtEventId()).isEqualTo(e3.eventId());
            assertThat(c.status()).isEqualTo(Commitment.Status.SCHEDULED);
            assertThat(keys(c.articleIds())).containsExactly("001_976870d5a58268f5", "002_3f8b603159821523",
                    "004_4e793aa9c7a99475");
        });
    }

    @Test
    void resultDoesNotDependOnOrderOrRepetitionOfIngestion() {
        Random random = new Random(20260116L);
        for (int round = 0; round < 200; round++) {
            List<ArticleFacts> shuffled = new ArrayList<>(facts);
            int repeats = random.nextInt(4);
            for (int i = 0; i < repeats; i++) {
                shuffled.add(facts.get(random.nextInt(facts.size())));
            }
            java.util.Collections.shuffle(shuffled, random);
            assertThat(MERGER.merge(shuffled)).as("round %d", round).isEqualTo(state);
        }
    }

    @Test
    void subsetsMergeConsistently() {
        // Any order of any subset must equal the merge of that subset in canonical order.
        Random random = new Random(7L);
        for (int round = 0; round < 100; round++) {
            List<ArticleFacts> subset = new ArrayList<>(facts.stream().filter(f -> random.nextBoolean()).toList());
            EngagementState canonical = MERGER.merge(subset);
            java.util.Collections.shuffle(subset, random);
            assertThat(MERGER.merge(subset)).isEqualTo(canonical);
        }
    }

    @Test
    void addingArticlesOneByOneEndsInTheSameStateAndTheChangesSayWhatToPublish() {
        // The engagement stage publishes IncrementalMerge's changes: applied one article at a time they must leave
        // exactly the whole-set merge's events and commitments published.
        IncrementalMerge merge = new IncrementalMerge(MERGER);
        java.util.Map<String, EngagementEvent> published = new java.util.TreeMap<>();
        java.util.Map<String, Commitment> publishedCommitments = new java.util.TreeMap<>();
        for (ArticleFacts f : facts) {
            merge.put(f);
            IncrementalMerge.Changes changes = merge.refresh();
            changes.goneEventIds().forEach(published::remove);
            changes.events().forEach(e -> published.put(e.eventId(), e));
            changes.goneCommitmentIds().forEach(publishedCommitments::remove);
            changes.commitments().forEach(c -> publishedCommitments.put(c.commitmentId(), c));
        }
        assertThat(merge.state()).isEqualTo(state);
        assertThat(List.copyOf(published.values())).containsExactlyInAnyOrderElementsOf(state.events());
        assertThat(List.copyOf(publishedCommitments.values())).containsExactlyInAnyOrderElementsOf(state.commitments());
        assertThat(merge.refresh().events()).isEmpty();
    }

    @Test
    void theViewsSeeEveryCommitmentOnTheNewestPapersDayAsTheEngagementStageReportsIt() {
        LocalDate newest = facts.stream().map(ArticleFacts::publishedAt).max(LocalDate::compareTo).orElseThrow();
        assertThat(state.commitments()).isNotEmpty();
        for (Commitment c : state.commitments()) {
            LocalDate dueEnd = c.dueDate() == null ? null : c.dueDate().last();
            assertThat(dev.parley.views.DyadStates.statusAsOf(c.status().name(), c.heldOn(), dueEnd, newest))
                    .as(c.commitmentId()).isEqualTo(c.status().name());
        }
    }

    @Test
    void articleFactsSurviveAJsonRoundTripForAStateStore() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        for (ArticleFacts f : facts) {
            ArticleFacts back = json.readValue(json.writeValueAsString(f), ArticleFacts.class);
            assertThat(back).isEqualTo(f);
        }
    }

    private static List<String> keys(java.util.Set<String> articleIds) {
        return articleIds.stream().map(corpus::keyOf).sorted().toList();
    }

    private static EngagementEvent event(LocalDate date, EventKind kind) {
        return state.events().stream().filter(e -> e.date().date().equals(date) && e.kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " on " + date + " in " + state.events()));
    }
}
