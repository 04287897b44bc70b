package dev.parley.engagement;

import dev.parley.extract.DateBasis;
import dev.parley.extract.EventKind;
import dev.parley.extract.Participant;
import dev.parley.extract.Passage;
import dev.parley.extract.Quote;
import dev.parley.extract.ResolvedDate;
import dev.parley.extract.Stance;

import java.util.List;
import java.util.Set;

/**
 * One real-world event with every article and passage that reports it. Maps 1:1 to an Avro record keyed by
 * eventId (dates as LocalDate + precision, ids as strings, provenance as article id + span + text).
 */
public record EngagementEvent(String eventId, EventKind kind, Set<EventKind> kinds, double goldstein,
                              List<Participant> participants, ResolvedDate date, DateBasis dateBasis, String placeId,
                              Set<String> topics, List<EventSource> sources, List<Quote> quotes, List<Stance> stances,
                              List<Readout> readouts, List<EmphasisDifference> emphasisDifferences) {

    /** One article's report of the event. */
    public record EventSource(String articleId, String localEventId, DateBasis dateBasis, List<Passage> passages) {
    }

    /** What one side said about the event (its readout): speakers, stance types, and the passages. */
    public record Readout(String side, Set<String> speakerIds, Set<String> emphasis, List<Passage> passages) {
    }

    /** A stance one side's readouts carry and the other's do not, with the supporting spans. */
    public record EmphasisDifference(String side, String emphasis, List<Passage> spans) {
    }

    public EngagementEvent withEventId(String id) {
        return new EngagementEvent(id, kind, kinds, goldstein, participants, date, dateBasis, placeId, topics, sources,
                quotes, stances, readouts, emphasisDifferences);
    }

    public Set<String> keyActors() {
        return participants.stream().filter(Participant::isKeyActor).map(Participant::actorId)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    public Set<String> articleIds() {
        return sources.stream().map(EventSource::articleId)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
