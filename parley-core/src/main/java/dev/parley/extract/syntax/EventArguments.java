package dev.parley.extract.syntax;

import java.util.List;

/**
 * The arguments of one trigger as token sets (each an argument phrase: head, names, titles, "de/of" complements):
 * subjects speak or act, objects are addressed (obj, iobj, "a/to/con/with" obliques), and for event nouns the
 * "entre/between/de/of" arguments name the parties. Conjuncts are separate phrases.
 */
public record EventArguments(List<List<Integer>> subjects, List<List<Integer>> objects) {

    public EventArguments {
        subjects = subjects.stream().map(List::copyOf).toList();
        objects = objects.stream().map(List::copyOf).toList();
    }

    public boolean isEmpty() {
        return subjects.isEmpty() && objects.isEmpty();
    }
}
