package dev.parley.extract;

import dev.parley.extract.actors.PersonCountries;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Acompañado de los secretarios de Comercio, X; Transporte, Y", "Por parte de la SCT participaron en la reunión
 * ...", "accompanied by Trade Minister X": the people a sentence names as members of a delegation take part in the
 * meeting it belongs to. A stage of {@link ArticleExtractor}, after placement: the sentence joins the meeting it is
 * told in, else the last one told before it, else the first told after it.
 */
final class DelegationReader {

    /** Members named after a side ("por parte del gobierno estadunidense", "la comitiva de Biden") are of it. */
    private record Side(String country, int end) {
    }

    /** How far after its cue the side's name may start, in characters ("por parte del gobierno estadunidense"). */
    private static final int SIDE_REACH = 30;

    private final Pattern cues;
    private final Pattern sideCues;
    private final Gazetteer gazetteer;

    DelegationReader(Lexicon lexicon, Gazetteer gazetteer) {
        this.cues = lexicon.delegationCues;
        this.sideCues = lexicon.delegationSideCues;
        this.gazetteer = gazetteer;
    }

    void attach(List<Sentence> sentences, Map<Integer, List<ActorMention>> actorsBySentence, List<Draft> drafts) {
        for (Sentence s : sentences) {
            List<ActorMention> actors = actorsBySentence.getOrDefault(s.index(), List.of()).stream()
                    .sorted(Comparator.comparingInt(a -> a.span().start())).toList();
            if (actors.stream().noneMatch(DelegationReader::person)
                    || !cues.matcher(Folding.fold(s.text())).find()) {
                continue;
            }
            Draft meeting = meetingOf(s.index(), drafts);
            if (meeting == null) {
                continue;
            }
            // Only people of the meeting's own sides: a delegation list does not bring in a new state.
            Set<String> sides = sidesOf(meeting);
            Side named = sideNamed(s, actors);
            String listSide = null;
            for (ActorMention a : actors) {
                if (!person(a)) {
                    continue;
                }
                // "el subsecretario de Infraestructura, X; el de Transporte, Y": a list's members share a side.
                String country = named != null && a.span().start() >= named.end() ? named.country()
                        : a.actor().country() != null ? a.actor().country() : listSide;
                listSide = country;
                if (country != null && sides.contains(country)) {
                    Actor member = country.equals(a.actor().country()) ? a.actor()
                            : PersonCountries.withCountry(a.actor(), country);
                    meeting.participants.putIfAbsent(member.id(), Participant.of(member, Participant.Role.PARTICIPANT));
                }
            }
        }
    }

    private static boolean person(ActorMention a) {
        return a.actor().type() == ActorType.PERSON;
    }

    private Side sideNamed(Sentence s, List<ActorMention> actors) {
        Matcher m = sideCues.matcher(Folding.fold(s.text()));
        if (!m.find()) {
            return null;
        }
        int cueEnd = s.span().start() + m.end();
        for (ActorMention a : actors) {
            int start = a.span().start();
            if (start >= cueEnd && start - cueEnd <= SIDE_REACH && a.actor().country() != null) {
                return new Side(a.actor().country(), a.span().end());
            }
        }
        return null;
    }

    private static Draft meetingOf(int sentence, List<Draft> drafts) {
        Draft before = null;
        Draft after = null;
        for (Draft d : drafts) {
            if (!d.kinds.contains(EventKind.MEET_VISIT)) {
                continue;
            }
            if (d.sentences.contains(sentence)) {
                return d;
            }
            int first = d.firstSentence();
            if (first < sentence && (before == null || first > before.firstSentence())) {
                before = d;
            } else if (first > sentence && (after == null || first < after.firstSentence())) {
                after = d;
            }
        }
        return before != null ? before : after;
    }

    private Set<String> sidesOf(Draft d) {
        Set<String> sides = new HashSet<>();
        for (Participant p : d.participants.values()) {
            gazetteer.actor(p.actorId()).ifPresentOrElse(a -> sides.addAll(a.countries()), () -> {
                if (p.country() != null) {
                    sides.add(p.country());
                }
            });
        }
        return sides;
    }
}
