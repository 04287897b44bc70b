package dev.parley.eval;

import dev.parley.extract.DatePrecision;
import dev.parley.extract.ResolvedDate;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringTest {

    private static final LocalDate PUBLISHED = LocalDate.of(1987, 3, 12);

    private static GoldArticle.Event gold(String kind, Set<String> countries, LocalDate date,
                                          GoldArticle.Person... people) {
        return new GoldArticle.Event(kind, countries, date, null, null, List.of(people), null, null);
    }

    private static Prediction.Event predicted(String kind, Set<String> kinds, Set<String> countries, LocalDate date,
                                              Prediction.Named... named) {
        return new Prediction.Event(kind, kinds, countries, ResolvedDate.day(date), List.of(named), List.of());
    }

    private static GoldArticle article(boolean engagement, List<GoldArticle.Event> events,
                                       List<GoldArticle.Commitment> commitments) {
        return new GoldArticle("t.jsonl", 1, GoldArticle.REUTERS, "4123", null, null, PUBLISHED, "en", engagement,
                events, commitments);
    }

    private static Scoring.ArticleResult score(GoldArticle g, List<Prediction.Event> events,
                                               List<Prediction.Commitment> commitments) {
        return Scoring.score(g, null, new Prediction(events, commitments, 0));
    }

    @Test
    void aDateMatchesWithinOneDayOfTheGoldDate() {
        GoldArticle.Event g = gold("MEET_VISIT", Set.of("JP", "US"), LocalDate.of(1987, 3, 11));
        assertThat(Scoring.dateMatches(g, ResolvedDate.day(LocalDate.of(1987, 3, 12)), PUBLISHED)).isTrue();
        assertThat(Scoring.dateMatches(g, ResolvedDate.day(LocalDate.of(1987, 3, 10)), PUBLISHED)).isTrue();
        assertThat(Scoring.dateMatches(g, ResolvedDate.day(LocalDate.of(1987, 3, 13)), PUBLISHED)).isFalse();
        assertThat(Scoring.dateMatches(g, ResolvedDate.day(LocalDate.of(1987, 3, 9)), PUBLISHED)).isFalse();
        // A week-precise prediction is not a day within one of the gold day.
        assertThat(Scoring.dateMatches(g, new ResolvedDate(LocalDate.of(1987, 3, 11), DatePrecision.WEEK), PUBLISHED))
                .isFalse();
    }

    @Test
    void aWindowAndAnUndatedGoldEventWidenByOneDay() {
        GoldArticle.Event window = new GoldArticle.Event("MEET_VISIT", Set.of("FR", "US"), null,
                LocalDate.of(1987, 3, 2), LocalDate.of(1987, 3, 8), List.of(), null, null);
        assertThat(Scoring.dateMatches(window, ResolvedDate.day(LocalDate.of(1987, 3, 1)), PUBLISHED)).isTrue();
        assertThat(Scoring.dateMatches(window, ResolvedDate.day(LocalDate.of(1987, 3, 9)), PUBLISHED)).isTrue();
        assertThat(Scoring.dateMatches(window, ResolvedDate.day(LocalDate.of(1987, 3, 10)), PUBLISHED)).isFalse();
        assertThat(Scoring.dateMatches(window, new ResolvedDate(LocalDate.of(1987, 3, 4), DatePrecision.WEEK),
                PUBLISHED)).isTrue();

        GoldArticle.Event undated = new GoldArticle.Event("STATEMENT", Set.of("FR", "US"), null, null, null,
                List.of(), null, null);
        assertThat(undated.undated()).isTrue();
        assertThat(Scoring.dateMatches(undated, ResolvedDate.day(PUBLISHED.minusDays(1)), PUBLISHED)).isTrue();
        assertThat(Scoring.dateMatches(undated, ResolvedDate.day(PUBLISHED.minusDays(2)), PUBLISHED)).isFalse();
    }

    @Test
    void theGoldKindMustBeThePredictedKindOrAmongItsKinds() {
        GoldArticle g = article(true, List.of(gold("DEMAND", Set.of("JP", "US"), PUBLISHED)), List.of());
        var secondary = score(g, List.of(predicted("THREAT", Set.of("THREAT", "DEMAND"), Set.of("JP", "US"), PUBLISHED)),
                List.of());
        assertThat(secondary.matched()).hasSize(1);

        var other = score(g, List.of(predicted("THREAT", Set.of("THREAT"), Set.of("JP", "US"), PUBLISHED)), List.of());
        assertThat(other.matched()).isEmpty();
        assertThat(other.missed()).singleElement().satisfies(m -> assertThat(m.failed()).containsExactly("kind"));
        assertThat(other.falsePositives()).containsExactly(0);
    }

    @Test
    void theCountrySetMustBeTheSameDyad() {
        GoldArticle g = article(true, List.of(gold("MEET_VISIT", Set.of("CA", "MX"), PUBLISHED)), List.of());
        var third = score(g, List.of(predicted("MEET_VISIT", Set.of("MEET_VISIT"), Set.of("CA", "MX", "US"),
                PUBLISHED)), List.of());
        assertThat(third.matched()).isEmpty();
        assertThat(third.missed().get(0).failed()).containsExactly("dyad");
        assertThat(third.spuriousDyads()).containsExactlyInAnyOrder("CA-US", "MX-US");
    }

    @Test
    void matchingIsOneToOneAndPrefersTheCloserDate() {
        GoldArticle g = article(true, List.of(
                gold("MEET_VISIT", Set.of("JP", "US"), LocalDate.of(1987, 3, 10)),
                gold("MEET_VISIT", Set.of("JP", "US"), LocalDate.of(1987, 3, 11))), List.of());
        var r = score(g, List.of(predicted("MEET_VISIT", Set.of("MEET_VISIT"), Set.of("JP", "US"),
                LocalDate.of(1987, 3, 11))), List.of());
        assertThat(r.matched()).containsExactly(new Scoring.Pair(1, 0));
        assertThat(r.missed()).singleElement().satisfies(m -> {
            assertThat(m.gold()).isZero();
            assertThat(m.failed()).containsExactly("taken by a better-matching gold event");
        });
        assertThat(r.falsePositives()).isEmpty();
    }

    @Test
    void aSurnameMatchesTheFullNameButAFirstNameDoesNot() {
        assertThat(Scoring.sameName("George Shultz", "Shultz")).isTrue();
        assertThat(Scoring.sameName("Enrique Peña Nieto", "PENA NIETO")).isTrue();
        assertThat(Scoring.sameName("Alejandro Ibarra Solís", "Ibarra")).isTrue();
        assertThat(Scoring.sameName("Barack Obama", "Barack")).isFalse();
        assertThat(Scoring.sameName("George Shultz", "George Bush")).isFalse();
        assertThat(Scoring.sameName("Shultz", "")).isFalse();
    }

    @Test
    void participantsArePooledPerArticleAndNeedTheirCountry() {
        GoldArticle g = article(true, List.of(gold("MEET_VISIT", Set.of("JP", "US"), PUBLISHED,
                new GoldArticle.Person("George Shultz", "US", "secretary of state"),
                new GoldArticle.Person("Tadashi Kuranari", "JP", "foreign minister"),
                new GoldArticle.Person(null, "US", "ambassador"))), List.of());
        var r = score(g, List.of(predicted("MEET_VISIT", Set.of("MEET_VISIT"), Set.of("JP", "US"), PUBLISHED,
                new Prediction.Named("Shultz", "US"), new Prediction.Named("Kuranari", "US"),
                new Prediction.Named("Yasuhiro Nakasone", "JP"))), List.of());
        assertThat(r.participantsGold()).isEqualTo(2);
        assertThat(r.participantsPredicted()).isEqualTo(3);
        assertThat(r.participantsMatched()).isEqualTo(1);
        assertThat(r.missedPeople()).extracting(GoldArticle.Person::name).containsExactly("Tadashi Kuranari");
        assertThat(r.extraPeople()).extracting(Prediction.Named::name).containsExactly("Kuranari", "Yasuhiro Nakasone");
    }

    @Test
    void aNegativeWithAnEventCountsAndAllItsDyadsAreSpurious() {
        GoldArticle negative = article(false, List.of(), List.of());
        var none = score(negative, List.of(), List.of());
        assertThat(none.negativeWithEvents()).isFalse();
        var some = score(negative, List.of(predicted("STATEMENT", Set.of("STATEMENT"), Set.of("AR", "FR"), PUBLISHED)),
                List.of());
        assertThat(some.negativeWithEvents()).isTrue();
        assertThat(some.spuriousDyads()).containsExactly("AR-FR");
        assertThat(some.falsePositives()).containsExactly(0);
    }

    @Test
    void aCommitmentMatchesOnItsPartiesOnce() {
        GoldArticle g = article(true, List.of(), List.of(
                new GoldArticle.Commitment("meeting", "1987-04", "Tokyo", Set.of("JP", "US"), null),
                new GoldArticle.Commitment("talks", "1987-05", null, Set.of("JP", "US"), null)));
        var r = score(g, List.of(), List.of(new Prediction.Commitment("meeting", Set.of("JP", "US"), null),
                new Prediction.Commitment("visit", Set.of("US"), null)));
        assertThat(r.commitmentsMatched()).isEqualTo(1);
        assertThat(r.missedCommitments()).containsExactly(1);
        assertThat(r.extraCommitments()).containsExactly(1);
    }

    @Test
    void totalsGivePrecisionRecallAndF1PerLanguage() {
        GoldArticle g = article(true, List.of(gold("MEET_VISIT", Set.of("JP", "US"), PUBLISHED),
                gold("DEMAND", Set.of("JP", "US"), PUBLISHED)), List.of());
        var r = score(g, List.of(predicted("MEET_VISIT", Set.of("MEET_VISIT"), Set.of("JP", "US"), PUBLISHED),
                predicted("THREAT", Set.of("THREAT"), Set.of("JP", "US"), PUBLISHED),
                predicted("STATEMENT", Set.of("STATEMENT"), Set.of("JP", "KR"), PUBLISHED)), List.of());
        var totals = EvaluationReport.Totals.of(List.of(r));
        assertThat(totals.eventPrecision()).isEqualTo(1.0 / 3);
        assertThat(totals.eventRecall()).isEqualTo(0.5);
        assertThat(totals.eventF1()).isEqualTo(0.4, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(totals.spuriousDyads()).isEqualTo(1);
        assertThat(totals.predictedDyads()).isEqualTo(2);
    }

    @Test
    void onlyTheDevelopmentPartsOfTheSourcesAreDevelopment() {
        GoldArticle dev = article(true, List.of(), List.of());
        assertThat(dev.inDevelopmentPart()).isTrue();
        GoldArticle reserved = new GoldArticle("t", 1, GoldArticle.REUTERS, "5501", null, null, PUBLISHED, "en", true,
                List.of(), List.of());
        assertThat(reserved.inDevelopmentPart()).isFalse();
        GoldArticle post = new GoldArticle("t", 1, GoldArticle.LJZAC, null, "_posts/2013/10/22/x.md", null,
                PUBLISHED, "es", true, List.of(), List.of());
        assertThat(post.inDevelopmentPart()).isTrue();
        GoldArticle reservedPost = new GoldArticle("t", 1, GoldArticle.LJZAC, null, "_posts/2013/10/21/x.md", null,
                PUBLISHED, "es", true, List.of(), List.of());
        assertThat(reservedPost.inDevelopmentPart()).isFalse();
    }
}
