package dev.parley.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Embedded posts (tweets and the like) speak for their authors. A stage of {@link ArticleExtractor}, after the
 * mentions of every sentence are read: it needs to know which posts report no event.
 */
final class PostStatementReader {

    private final Gazetteer gazetteer;
    private final ParticipantReader participants;

    PostStatementReader(Gazetteer gazetteer, ParticipantReader participants) {
        this.gazetteer = gazetteer;
        this.participants = participants;
    }

    /** A post that reports no event is itself a statement by its author, if it speaks of another country. */
    void add(List<Sentence> sentences, Map<Integer, List<ActorMention>> actorsBySentence, List<Mention> mentions) {
        Map<EmbeddedPost, List<Sentence>> byPost = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            if (s.inPost()) {
                byPost.computeIfAbsent(s.post(), p -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<EmbeddedPost, List<Sentence>> e : byPost.entrySet()) {
            Set<Integer> indexes = e.getValue().stream().map(Sentence::index).collect(Collectors.toSet());
            if (mentions.stream().anyMatch(m -> indexes.contains(m.sentence.index()))) {
                continue;
            }
            Actor author = participants.authorOf(e.getKey());
            if (author == null) {
                continue;
            }
            Sentence first = e.getValue().get(0);
            Mention m = new Mention();
            m.kind = EventKind.STATEMENT;
            m.sentence = first;
            m.trigger = new Span(first.span().start(), first.span().start());
            m.segment = e.getKey().span();
            m.postStatement = true;
            m.participants.add(Participant.of(author, Participant.Role.INITIATOR));
            Set<String> seen = new HashSet<>(Set.of(author.id()));
            boolean targetSet = false;
            for (Sentence s : e.getValue()) {
                for (ActorMention a : actorsBySentence.get(s.index())) {
                    if (a.span().start() >= e.getKey().signature().start()) {
                        continue;
                    }
                    boolean foreign = a.actor().country() != null && !a.actor().country().equals(author.country());
                    if (!foreign && a.actor().type() == ActorType.COUNTRY) {
                        continue;
                    }
                    Participant.Role role = foreign && !targetSet && a.actor().type() == ActorType.COUNTRY
                            ? Participant.Role.TARGET : Participant.Role.PARTICIPANT;
                    targetSet |= role == Participant.Role.TARGET;
                    if (foreign) {
                        // The people a post names are its addressees, not its authors: keep their country only.
                        Actor country = gazetteer.actor("country:" + a.actor().country()).orElse(a.actor());
                        if (seen.add(country.id())) {
                            m.participants.add(Participant.of(country, targetSet && role != Participant.Role.TARGET
                                    ? Participant.Role.PARTICIPANT : Participant.Role.TARGET));
                            targetSet = true;
                        }
                    }
                }
            }
            mentions.add(m);
        }
    }
}
