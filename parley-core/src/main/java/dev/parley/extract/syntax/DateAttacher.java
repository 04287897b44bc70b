package dev.parley.extract.syntax;

import java.util.List;
import java.util.Set;

/**
 * Which predicate a date phrase modifies: from the phrase's head up the dependency tree to the first trigger or verb
 * ("acordaron este martes" dates the agreement; "acordaron reunirse el martes" dates the planned meeting, not the
 * agreement; "informó ayer que ..." dates the report).
 */
public final class DateAttacher {

    private static final Set<String> PREDICATE_TAGS = Set.of("VERB");

    /** The governing token of the date phrase at sentence offsets [begin, end), or -1 if none. */
    public int governor(DependencyTree tree, List<EventTrigger> triggers, int begin, int end) {
        List<Integer> tokens = tree.tokensIn(begin, end);
        if (tokens.isEmpty()) {
            return -1;
        }
        int head = tree.phraseHead(tokens);
        for (int k = tree.head(head), guard = 0; k >= 0 && guard <= tree.size(); k = tree.head(k), guard++) {
            final int at = k;
            if (triggers.stream().anyMatch(t -> t.token() == at || t.predicate() == at)
                    || PREDICATE_TAGS.contains(tree.pos(k))) {
                return k;
            }
        }
        return -1;
    }

    /** The trigger a date phrase dates, or null if it dates something else (or nothing could be told). */
    public EventTrigger dated(DependencyTree tree, List<EventTrigger> triggers, int begin, int end) {
        int g = governor(tree, triggers, begin, end);
        if (g < 0) {
            return null;
        }
        // A noun trigger's own date ("la reunión del martes") and its light verb's date are one.
        return triggers.stream().filter(t -> t.token() == g).findFirst()
                .orElse(triggers.stream().filter(t -> t.predicate() == g).findFirst().orElse(null));
    }
}
