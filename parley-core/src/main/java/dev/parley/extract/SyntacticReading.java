package dev.parley.extract;

import dev.parley.extract.syntax.DependencyTree;
import dev.parley.extract.syntax.EventArguments;
import dev.parley.extract.syntax.EventTrigger;

import java.util.List;
import java.util.Map;

/** One parsed sentence as the event stages read it: its tree, triggers and each trigger's arguments. */
record SyntacticReading(DependencyTree tree, List<EventTrigger> triggers, Map<EventTrigger, EventArguments> arguments,
                        List<Integer> falseFriends, String language) {

    /** Whether [begin, end) holds a word that only looks like a trigger ("la llamada Guerra de ..."). */
    boolean falseFriendIn(int begin, int end) {
        return falseFriends.stream().map(tree::token).anyMatch(t -> t.begin() < end && begin < t.end());
    }

    /** A headline verb the tagger took for a name ("Acuerdan México y Chile ..."): its arguments cannot be read. */
    boolean misTaggedHeadline(EventTrigger t) {
        return t.token() == 0 && !t.noun() && !"VERB".equals(tree.pos(0));
    }

    /** The trigger whose token overlaps [begin, end) in sentence offsets, or null. */
    EventTrigger triggerIn(int begin, int end) {
        for (EventTrigger t : triggers) {
            var tok = tree.token(t.token());
            if (tok.begin() < end && begin < tok.end()) {
                return t;
            }
        }
        return null;
    }
}
