package dev.parley.engagement;

import dev.parley.extract.Passage;
import dev.parley.extract.ResolvedDate;

import java.util.List;

/** An agreed future meeting or action, with the event where it was agreed and every report of it. */
public record Commitment(String commitmentId, String description, String subjectActorId, ResolvedDate dueDate,
                         String placeId, List<String> parties, String agreedAtEventId, Status status,
                         List<Passage> sources) {

    public enum Status { SCHEDULED, HELD, OVERDUE }

    public java.util.Set<String> articleIds() {
        return sources.stream().map(Passage::articleId)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
