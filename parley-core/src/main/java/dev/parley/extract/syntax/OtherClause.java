package dev.parley.extract.syntax;

import java.util.Set;

/**
 * Whether a word stands in the clause of a verb that is not the event's, neither its frame nor its content: "la
 * intervención ... para detener al presidente Nicolás Maduro, Trump advirtió ...", "Rubio, who had fired Smith,
 * warned ...". The person detained or fired is the object of another act, not a party to the warning.
 */
public final class OtherClause {

    private OtherClause() {
    }

    /**
     * @param word the phrase head of the mention, {@code first} its first token; {@code trigger} the event's token;
     * {@code eventTokens} every
     * trigger and predicate of the sentence, whose clauses stay with their own events
     */
    public static boolean holds(DependencyTree tree, int word, int first, int trigger, Set<Integer> eventTokens) {
        if ("appos".equals(tree.baseRelation(word)) && first > 0 && ",".equals(tree.token(first - 1).word())) {
            // "to arrest Jorge Quiroga, Chile's President Mario Soto warned": a parse that hangs the sentence's
            // subject on the noun before the comma is wrong more often than a comma apposition inside the clause.
            return false;
        }
        int verb = governingVerb(tree, word);
        if (verb < 0 || eventTokens.contains(verb)) {
            return false;
        }
        // A verb above the trigger is a frame ("said that ...", "ha insistido ... además de advertir"): its
        // subject speaks. A verb in its clausal complement is what was said or asked ("said he had told Funaro"):
        // its people are whom the act concerns; a verb merely below it ("Tras la operación para capturar a X,
        // advirtió") is not.
        return !tree.dominates(verb, trigger) && !complementOf(tree, verb, trigger);
    }

    /** Whether the verb heads a clausal complement of the trigger (directly, or within one). */
    static boolean complementOf(DependencyTree tree, int verb, int trigger) {
        for (int k = verb, guard = 0; k >= 0 && guard <= tree.size(); k = tree.head(k), guard++) {
            if (tree.head(k) == trigger) {
                return COMPLEMENTS.contains(tree.baseRelation(k));
            }
        }
        return false;
    }

    private static final Set<String> COMPLEMENTS = Set.of("ccomp", "xcomp", "csubj", "parataxis");

    /** The nearest verb strictly above a token, or -1 (a nominal sentence, a headline). */
    static int governingVerb(DependencyTree tree, int token) {
        for (int k = tree.head(token), guard = 0; k >= 0 && guard <= tree.size(); k = tree.head(k), guard++) {
            if ("VERB".equals(tree.pos(k))) {
                return k;
            }
        }
        return -1;
    }
}
