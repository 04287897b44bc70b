package dev.parley.engagement;

import dev.parley.extract.Passage;
import dev.parley.extract.ResolvedDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An agreed future meeting or action, with the event where it was agreed and every report of it. parties: actor ids
 * (people, organisations, the body); countries: the parties' states. heldOn and heldAtEventId: the meeting event that
 * fulfils it (null if none); the status is {@link CommitmentStatus#on} that meeting's day, the due period's end and
 * the newest paper's day.
 */
public record Commitment(String commitmentId, String description, String subjectActorId, ResolvedDate dueDate,
                         String placeId, List<String> parties, List<String> countries, String agreedAtEventId,
                         Status status, LocalDate heldOn, String heldAtEventId, List<Passage> sources) {

    public enum Status { SCHEDULED, HELD, OVERDUE }

    public Set<String> articleIds() {
        return sources.stream().map(Passage::articleId).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Country pairs of the parties, sorted: "MX-US". */
    public List<String> dyads() {
        return dyads(countries);
    }

    public static List<String> dyads(java.util.Collection<String> countries) {
        List<String> codes = List.copyOf(new TreeSet<>(countries));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                out.add(codes.get(i) + "-" + codes.get(j));
            }
        }
        return out;
    }
}
