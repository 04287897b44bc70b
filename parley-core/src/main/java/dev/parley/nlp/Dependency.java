package dev.parley.nlp;

/**
 * A universal dependency: head token index (-1 for the root), dependent token index, relation (nsubj, obl, appos…).
 * Relations may carry a UD subtype after a colon (nmod:poss, obl:tmod, aux:pass, compound:prt).
 */
public record Dependency(int head, int dependent, String relation) {
}
