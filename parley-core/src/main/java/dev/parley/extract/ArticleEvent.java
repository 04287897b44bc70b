package dev.parley.extract;


import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One event as one article reports it. anchor: the publication (or post) date an undated report is read against.
 * passages are the sentences that speak of the event; the first is the one that introduced it.
 */
public record ArticleEvent(String localId, String articleId, EventKind kind, Set<EventKind> kinds,
                           List<Participant> participants, ResolvedDate date, DateBasis dateBasis, LocalDate anchor,
                           String placeId, Set<String> topics, List<Passage> passages, List<Quote> quotes,
                           List<Stance> stances) {

    public Set<String> keyActorIds() {
        return participants.stream().filter(Participant::isKeyActor).map(Participant::actorId)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    public Set<String> countries() {
        return participants.stream().map(Participant::country).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
