package dev.parley.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * "In meetings with both the foreign and telecommunications ministers Howard said ...": a meeting or call with an
 * office the text does not tie to a country is with the one state the same side engages throughout the article. A
 * stage of {@link ArticleExtractor}, run on all clauses before they are placed into events.
 */
final class UnnamedCounterparts {

    private final Gazetteer gazetteer;

    UnnamedCounterparts(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    void resolve(List<Mention> mentions) {
        for (Mention m : mentions) {
            if (!m.unnamedCounterpart || m.hedged) {
                continue;
            }
            Set<String> own = countries(m);
            if (own.size() != 1) {
                continue;
            }
            String side = own.iterator().next();
            Set<String> others = new TreeSet<>();
            int reports = 0;
            for (Mention o : mentions) {
                Set<String> theirs = countries(o);
                if (o != m && !o.hedged && theirs.size() == 2 && theirs.contains(side)) {
                    theirs.remove(side);
                    others.addAll(theirs);
                    reports++;
                }
            }
            // Only when the article leaves no doubt: one counterpart, told more than once, never a guess between two.
            if (others.size() == 1 && reports >= 2) {
                m.participants.add(Participant.of(gazetteer.countryActor(others.iterator().next()),
                        Participant.Role.PARTICIPANT));
            }
        }
    }

    private static Set<String> countries(Mention m) {
        Set<String> out = new HashSet<>();
        m.participants.stream().map(Participant::country).filter(c -> c != null).forEach(out::add);
        return out;
    }
}
