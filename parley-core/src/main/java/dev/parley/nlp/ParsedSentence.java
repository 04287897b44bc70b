package dev.parley.nlp;

import java.util.List;

/**
 * One parsed sentence. Token indexes are 0-based positions in {@link #tokens()}; a dependency's head is -1 for the
 * root. Entities are maximal runs of tokens with one NER type.
 */
public record ParsedSentence(String text, List<Token> tokens, List<EntityMention> entities,
                             List<Dependency> dependencies) {

    public ParsedSentence {
        tokens = List.copyOf(tokens);
        entities = List.copyOf(entities);
        dependencies = List.copyOf(dependencies);
    }
}
