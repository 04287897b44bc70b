package dev.parley.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routing rules, on a fake directory: local, forwarded, never bounced, retryable when unsure. */
class QueryRouterTest {

    private static final ViewStore STORE = new ViewStore("s", "stage");

    /** Keys "a…" live here on partition 0, "b…" on host-b partition 1, anything else is being rebalanced. */
    private static final class FakeDirectory implements StoreDirectory {
        final Map<String, String> localValues = new HashMap<>(Map.of("a1", "local-a1"));
        boolean restoring;
        List<Placement> placements = List.of(new Placement("here:1", true, Set.of(0)),
                new Placement("host-b:2", false, Set.of(1)));

        @Override
        public Owner ownerOf(ViewStore store, String key) {
            if (key.startsWith("a")) {
                return new Owner.Local(0);
            }
            if (key.startsWith("b")) {
                return new Owner.Remote("host-b:2", 1);
            }
            return new Owner.Unknown("rebalancing");
        }

        @Override
        public Optional<JsonNode> getLocal(ViewStore store, String key, int partition) throws NotQueryableException {
            if (restoring || partition != 0) {
                throw new NotQueryableException("partition " + partition + " not active here");
            }
            return Optional.ofNullable(localValues.get(key)).map(TextNode::new);
        }

        @Override
        public List<Placement> placements(ViewStore store) throws NotQueryableException {
            if (restoring) {
                throw new NotQueryableException("restoring");
            }
            return placements;
        }

        @Override
        public List<JsonNode> allLocal(ViewStore store, Set<Integer> partitions) throws NotQueryableException {
            if (restoring) {
                throw new NotQueryableException("restoring");
            }
            return localValues.values().stream().map(v -> (JsonNode) new TextNode(v)).toList();
        }

        /** The local values whose key starts with "group|", like the prefix scan of a grouped store. */
        @Override
        public List<JsonNode> groupLocal(ViewStore store, String group, int partition) throws NotQueryableException {
            getLocal(store, group, partition); // the same partition and restoring rules as a key read
            return localValues.entrySet().stream().filter(e -> e.getKey().startsWith(group + "|"))
                    .map(e -> (JsonNode) new TextNode(e.getValue())).sorted(java.util.Comparator.comparing(JsonNode::asText))
                    .toList();
        }

        @Override
        public Optional<JsonNode> getLocalAsOf(ViewStore store, String key, int partition, LocalDate day)
                throws NotQueryableException {
            return getLocal(store, key, partition).map(v -> new TextNode(v.asText() + "@" + day));
        }

        @Override
        public List<JsonNode> allLocalAsOf(ViewStore store, Set<Integer> partitions, LocalDate day)
                throws NotQueryableException {
            return allLocal(store, partitions).stream().map(v -> (JsonNode) new TextNode(v.asText() + "@" + day)).toList();
        }
    }

    private static final class FakeRemote implements RemoteViews {
        final List<String> calls = new ArrayList<>();
        ViewAnswer next = new ViewAnswer.Found(new TextNode("remote-b1"));

        @Override
        public ViewAnswer get(String host, ViewStore store, String key, int partition) {
            calls.add("get " + host + " " + key + " p" + partition);
            return next;
        }

        @Override
        public ViewAnswer all(String host, ViewStore store, Set<Integer> partitions) {
            calls.add("all " + host + " " + partitions);
            return next instanceof ViewAnswer.Found
                    ? new ViewAnswer.Found(JsonNodeFactory.instance.arrayNode().add("remote-b1")) : next;
        }

        @Override
        public ViewAnswer group(String host, ViewStore store, String group, int partition) {
            calls.add("group " + host + " " + group + " p" + partition);
            return next instanceof ViewAnswer.Found
                    ? new ViewAnswer.Found(JsonNodeFactory.instance.arrayNode().add("remote-" + group)) : next;
        }

        @Override
        public ViewAnswer getAsOf(String host, ViewStore store, String key, int partition, LocalDate day) {
            calls.add("getAsOf " + host + " " + key + " p" + partition + " " + day);
            return next;
        }

        @Override
        public ViewAnswer allAsOf(String host, ViewStore store, Set<Integer> partitions, LocalDate day) {
            calls.add("allAsOf " + host + " " + partitions + " " + day);
            return next instanceof ViewAnswer.Found
                    ? new ViewAnswer.Found(JsonNodeFactory.instance.arrayNode().add("remote-b1@" + day)) : next;
        }
    }

    private final FakeDirectory directory = new FakeDirectory();
    private final FakeRemote remote = new FakeRemote();
    private final QueryRouter router = new QueryRouter(directory, remote);

    @Test
    void aLocalKeyIsReadHereAndAnAbsentOneIsMissing() {
        assertThat(router.get(STORE, "a1")).isEqualTo(new ViewAnswer.Found(new TextNode("local-a1")));
        assertThat(router.get(STORE, "a2")).isInstanceOf(ViewAnswer.Missing.class);
        assertThat(remote.calls).isEmpty();
    }

    @Test
    void aRemoteKeyIsFetchedFromItsOwnerPartition() {
        assertThat(router.get(STORE, "b1")).isEqualTo(new ViewAnswer.Found(new TextNode("remote-b1")));
        assertThat(remote.calls).containsExactly("get host-b:2 b1 p1");
    }

    @Test
    void aForwardedRequestIsNeverForwardedAgain() {
        assertThat(router.get(STORE, "b1", true)).isInstanceOf(ViewAnswer.Unavailable.class);
        assertThat(remote.calls).isEmpty();
        assertThat(router.get(STORE, "a1", true)).isInstanceOf(ViewAnswer.Found.class);
    }

    @Test
    void unknownOwnershipRestoringStoresAndUnreachableOwnersAreRetryableNotMissing() {
        assertThat(router.get(STORE, "zzz")).isInstanceOf(ViewAnswer.Unavailable.class);
        remote.next = new ViewAnswer.Unavailable("owner unreachable");
        assertThat(router.get(STORE, "b1")).isInstanceOf(ViewAnswer.Unavailable.class);
        directory.restoring = true;
        assertThat(router.get(STORE, "a1")).isInstanceOf(ViewAnswer.Unavailable.class);
        assertThat(router.get(STORE, "a-absent")).isInstanceOf(ViewAnswer.Unavailable.class);
    }

    @Test
    void theInternalEndpointReadsOnlyThePartitionItWasAskedFor() {
        assertThat(router.getLocal(STORE, "a1", 0)).isInstanceOf(ViewAnswer.Found.class);
        // The asker thinks we own partition 1; we do not: say so rather than "missing".
        assertThat(router.getLocal(STORE, "a1", 1)).isInstanceOf(ViewAnswer.Unavailable.class);
    }

    @Test
    void listsGatherEveryInstanceOrAnswerNothing() {
        ViewAnswer all = router.all(STORE);
        assertThat(all).isInstanceOf(ViewAnswer.Found.class);
        assertThat(((ViewAnswer.Found) all).value()).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("local-a1", "remote-b1");
        assertThat(remote.calls).containsExactly("all host-b:2 [1]");

        remote.next = new ViewAnswer.Unavailable("host-b rebalancing");
        assertThat(router.all(STORE)).isInstanceOf(ViewAnswer.Unavailable.class);
        remote.next = new ViewAnswer.Missing();
        assertThat(router.all(STORE)).isInstanceOf(ViewAnswer.Unavailable.class);
        directory.restoring = true;
        assertThat(router.all(STORE)).isInstanceOf(ViewAnswer.Unavailable.class);
    }

    @Test
    void asOfReadsAreRoutedLikeKeyReadsWithTheDayCarriedAlong() {
        LocalDate day = LocalDate.parse("2026-01-13");
        assertThat(router.getAsOf(STORE, "a1", day, false)).isEqualTo(new ViewAnswer.Found(new TextNode("local-a1@2026-01-13")));
        assertThat(router.getAsOf(STORE, "b1", day, false)).isInstanceOf(ViewAnswer.Found.class);
        assertThat(remote.calls).containsExactly("getAsOf host-b:2 b1 p1 2026-01-13");
        assertThat(router.getAsOf(STORE, "b1", day, true)).isInstanceOf(ViewAnswer.Unavailable.class);
        assertThat(router.getAsOf(STORE, "zzz", day, false)).isInstanceOf(ViewAnswer.Unavailable.class);

        ViewAnswer all = router.allAsOf(STORE, day);
        assertThat(((ViewAnswer.Found) all).value()).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("local-a1@2026-01-13", "remote-b1@2026-01-13");
        assertThat(remote.calls).endsWith("allAsOf host-b:2 [1] 2026-01-13");
        directory.restoring = true;
        assertThat(router.getAsOf(STORE, "a1", day, false)).isInstanceOf(ViewAnswer.Unavailable.class);
        assertThat(router.allAsOf(STORE, day)).isInstanceOf(ViewAnswer.Unavailable.class);
    }

    @Test
    void aGroupIsReadFromTheOnePartitionThatOwnsItAndNowhereElse() {
        directory.localValues.putAll(Map.of("a7|x", "a7-x", "a7|y", "a7-y", "a70|z", "a70-z"));
        // Here: only that group's values, not a neighbour whose name starts the same, and no instance asked.
        assertThat(((ViewAnswer.Found) router.group(STORE, "a7", false)).value()).extracting(JsonNode::asText)
                .containsExactly("a7-x", "a7-y");
        assertThat(((ViewAnswer.Found) router.group(STORE, "a8", false)).value()).isEmpty();
        assertThat(remote.calls).isEmpty();
        // Elsewhere: one call to the owner's partition, never a gather; forwarded requests are not passed on.
        assertThat(((ViewAnswer.Found) router.group(STORE, "b7", false)).value()).extracting(JsonNode::asText)
                .containsExactly("remote-b7");
        assertThat(remote.calls).containsExactly("group host-b:2 b7 p1");
        assertThat(router.group(STORE, "b7", true)).isInstanceOf(ViewAnswer.Unavailable.class);
        assertThat(router.group(STORE, "zzz", false)).isInstanceOf(ViewAnswer.Unavailable.class);
        assertThat(router.groupLocal(STORE, "a7", 1)).isInstanceOf(ViewAnswer.Unavailable.class);
        directory.restoring = true;
        assertThat(router.group(STORE, "a7", false)).isInstanceOf(ViewAnswer.Unavailable.class);
    }
}
