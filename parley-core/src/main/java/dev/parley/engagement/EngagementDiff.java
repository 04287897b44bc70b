package dev.parley.engagement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What to publish when the merged state changes: records that are new or changed (upserts, keyed by id) and ids
 * that no longer exist (tombstones). Ids can disappear because an id is derived from an event's kind group, date
 * and people: a more precise date from a new report re-keys the event.
 */
public record EngagementDiff(List<EngagementEvent> upsertedEvents, List<String> removedEventIds,
                             List<Commitment> upsertedCommitments, List<String> removedCommitmentIds) {

    public static EngagementDiff between(EngagementState before, EngagementState after) {
        return new EngagementDiff(
                upserts(before.events(), after.events(), EngagementEvent::eventId),
                removed(before.events(), after.events(), EngagementEvent::eventId),
                upserts(before.commitments(), after.commitments(), Commitment::commitmentId),
                removed(before.commitments(), after.commitments(), Commitment::commitmentId));
    }

    public boolean isEmpty() {
        return upsertedEvents.isEmpty() && removedEventIds.isEmpty() && upsertedCommitments.isEmpty()
                && removedCommitmentIds.isEmpty();
    }

    private static <T> List<T> upserts(List<T> before, List<T> after, Function<T, String> id) {
        Map<String, T> old = before.stream().collect(Collectors.toMap(id, t -> t));
        List<T> out = new ArrayList<>();
        for (T t : after) {
            if (!t.equals(old.get(id.apply(t)))) {
                out.add(t);
            }
        }
        return out;
    }

    private static <T> List<String> removed(List<T> before, List<T> after, Function<T, String> id) {
        Set<String> now = after.stream().map(id).collect(Collectors.toSet());
        return before.stream().map(id).filter(i -> !now.contains(i)).sorted().toList();
    }
}
