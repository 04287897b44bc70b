package dev.parley.extract;

import dev.parley.extract.syntax.DependencyTree;
import dev.parley.extract.syntax.EventArguments;
import dev.parley.extract.syntax.EventTrigger;

import java.util.List;
import java.util.Map;

/** One parsed sentence as the event stages read it: its tree, triggers and each trigger's arguments. */
record SyntacticReading(DependencyTree tree, List<EventTrigger> triggers, Map<EventTrigger, EventArguments> arguments) {

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
