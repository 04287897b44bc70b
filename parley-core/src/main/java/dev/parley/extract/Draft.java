package dev.parley.extract;


import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** An event being assembled from one article's mentions. */
final class Draft {
    final List<EventKind> kinds = new ArrayList<>();
    final LinkedHashMap<String, Participant> participants = new LinkedHashMap<>();
    ResolvedDate date;
    DateBasis basis;
    LocalDate anchor;
    final List<Mention> mentions = new ArrayList<>();
    final Set<String> topics = new TreeSet<>();
    final List<Quote> quotes = new ArrayList<>();
    final List<Stance> stances = new ArrayList<>();
    final Set<Integer> sentences = new TreeSet<>();
    String placeId;

    /** An event of the same day as another, of the given kind, split off it: no mentions or participants yet. */
    static Draft splitFrom(Draft d, EventKind kind) {
        Draft out = new Draft();
        out.date = d.date;
        out.basis = d.basis;
        out.anchor = d.anchor;
        out.kinds.add(kind);
        return out;
    }

    int firstSentence() {
        return mentions.stream().mapToInt(m -> m.sentence.index()).min().orElse(Integer.MAX_VALUE);
    }

    Set<String> keyIds() {
        return participants.values().stream().filter(Participant::isKeyActor).map(Participant::actorId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    long persons() {
        return participants.values().stream().filter(p -> p.type() == ActorType.PERSON).count();
    }
}
