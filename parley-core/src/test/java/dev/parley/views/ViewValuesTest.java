package dev.parley.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The pure parts of the views: membership differences, the inverse index, cluster members, the feed hub. */
class ViewValuesTest {

    @Test
    void aStatementUpdateRemovesDroppedReprintsAndAddsNewOnes() {
        var changes = StatementMembership.diff("s1", List.of("a", "b", "c"), List.of("b", "c", "d"));
        assertThat(changes).containsExactly(Map.entry("a", new MembershipChange("s1", false)),
                Map.entry("d", new MembershipChange("s1", true)));
        assertThat(StatementMembership.diff("s1", List.of("a", "b"), List.of("b", "a"))).isEmpty();
        assertThat(StatementMembership.diff("s1", List.of("a"), List.of())).containsExactly(
                Map.entry("a", new MembershipChange("s1", false)));
    }

    /**
     * Replaying any sequence of statement versions through diff + apply gives, per article, exactly the statements
     * whose latest version lists it: the inverse index never drifts from the statements.
     */
    @RepeatedTest(200)
    void theInverseIndexAlwaysMatchesTheLatestStatements(RepetitionInfo repetition) {
        long seed = 7919L * repetition.getCurrentRepetition();
        Random random = new Random(seed);
        List<String> articles = List.of("a1", "a2", "a3", "a4", "a5", "a6");
        Map<String, List<String>> latest = new HashMap<>();
        Map<String, ArticleStatements> index = new HashMap<>();
        for (int step = 0; step < 40; step++) {
            String statement = "s" + random.nextInt(5);
            List<String> reprints = new ArrayList<>();
            if (random.nextInt(6) > 0) { // sometimes a tombstone
                for (String a : articles) {
                    if (random.nextBoolean()) {
                        reprints.add(a);
                    }
                }
            }
            for (var change : StatementMembership.diff(statement, latest.getOrDefault(statement, List.of()), reprints)) {
                index.merge(change.getKey(), ArticleStatements.empty().apply(change.getValue()),
                        (current, ignored) -> current.apply(change.getValue()));
            }
            if (reprints.isEmpty()) {
                latest.remove(statement);
            } else {
                latest.put(statement, reprints);
            }
        }
        for (String article : articles) {
            Set<String> expected = new TreeSet<>();
            latest.forEach((s, reprints) -> {
                if (reprints.contains(article)) {
                    expected.add(s);
                }
            });
            assertThat(new HashSet<>(index.getOrDefault(article, ArticleStatements.empty()).statementIds()))
                    .as("seed %d, article %s", seed, article).isEqualTo(expected);
        }
    }

    @Test
    void clusterMembersAreReplacedByArticleIdAndSorted() {
        ClusterMembers members = ClusterMembers.empty()
                .with(new ClusterMember("c", "UNIQUE"))
                .with(new ClusterMember("a", "EXACT_COPY"))
                .with(new ClusterMember("a", "NEAR_DUPLICATE"));
        assertThat(members.members()).containsExactly(new ClusterMember("a", "NEAR_DUPLICATE"),
                new ClusterMember("c", "UNIQUE"));
        assertThat(members.without(new ClusterMember("a", "NEAR_DUPLICATE")).members())
                .containsExactly(new ClusterMember("c", "UNIQUE"));
    }

    @Test
    void theFeedHubDeliversByTypeAndDropsBrokenSubscribers() {
        FeedHub hub = new FeedHub();
        List<String> all = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        hub.subscribe(Set.of(), e -> all.add(e.event().id()));
        hub.subscribe(Set.of("statement"), e -> statements.add(e.event().id()));
        hub.subscribe(Set.of(), e -> {
            throw new IllegalStateException("client gone");
        });
        hub.publish(new FeedEvent("statement", "upsert", "s1", Map.of(), "t/0/1", "2026-01-15T00:00:00Z"));
        hub.publish(new FeedEvent("event", "upsert", "e1", Map.of(), "t/0/2", "2026-01-15T00:00:00Z"));
        assertThat(all).containsExactly("t/0/1", "t/0/2");
        assertThat(statements).containsExactly("t/0/1");
        assertThat(hub.subscribers()).isEqualTo(2);
    }

    @Test
    void aReconnectingClientGetsWhatItMissedOrIsToldToReload() {
        FeedHub hub = new FeedHub(3);
        List<String> first = new ArrayList<>();
        FeedHub.Subscription subscription = hub.subscribe(Set.of(), e -> first.add(e.resumeId()));
        for (int i = 1; i <= 2; i++) {
            hub.publish(new FeedEvent(i % 2 == 0 ? "event" : "statement", "upsert", "k" + i, Map.of(), "t/0/" + i, "x"));
        }
        hub.unsubscribe(subscription);
        String lastSeen = first.get(1);
        hub.publish(new FeedEvent("statement", "upsert", "k3", Map.of(), "t/0/3", "x"));
        hub.publish(new FeedEvent("event", "upsert", "k4", Map.of(), "t/0/4", "x"));

        List<String> replayed = new ArrayList<>();
        List<String> live = new ArrayList<>();
        hub.subscribe(Set.of(), lastSeen, e -> live.add(e.event().id()), resume ->
                ((FeedHub.Resume.Replay) resume).missed().forEach(e -> replayed.add(e.event().id())));
        assertThat(replayed).containsExactly("t/0/3", "t/0/4");
        hub.publish(new FeedEvent("event", "upsert", "k5", Map.of(), "t/0/5", "x"));
        assertThat(live).containsExactly("t/0/5");

        // Filtered by type, as the live events are.
        List<String> onlyEvents = new ArrayList<>();
        hub.subscribe(Set.of("event"), first.get(1), e -> { }, resume ->
                ((FeedHub.Resume.Replay) resume).missed().forEach(e -> onlyEvents.add(e.event().id())));
        assertThat(onlyEvents).containsExactly("t/0/4", "t/0/5");

        // The buffer keeps 3 events: the first one's successor is gone; other epochs and garbage cannot resume.
        List<FeedHub.Resume> resumes = new ArrayList<>();
        hub.subscribe(Set.of(), first.get(0), e -> { }, resumes::add);
        hub.subscribe(Set.of(), "otherepoch-2", e -> { }, resumes::add);
        hub.subscribe(Set.of(), "garbage", e -> { }, resumes::add);
        assertThat(resumes).allSatisfy(r -> assertThat(r).isInstanceOf(FeedHub.Resume.Reset.class));
        // No id: nothing to replay.
        hub.subscribe(Set.of(), null, e -> { }, resumes::add);
        assertThat(resumes.get(3)).isEqualTo(new FeedHub.Resume.Replay(List.of()));
    }
}
