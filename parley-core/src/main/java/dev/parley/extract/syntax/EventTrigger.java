package dev.parley.extract.syntax;

import dev.parley.extract.EventKind;

/**
 * A trigger found on the parse: the token that names the event (a verb, or an event noun such as "llamada"), the
 * predicate that carries its subject, tense and date (the verb itself, or the light verb of a noun: "sostuvieron una
 * reunión", "opened talks"), and whether it is asserted.
 */
public record EventTrigger(int token, int predicate, EventKind kind, boolean noun, Modality modality) {

    public boolean asserted() {
        return modality == Modality.ASSERTED;
    }
}
