package dev.parley.nlp;

/** A universal dependency: head token index (-1 for the root), dependent token index, relation (nsubj, obl, appos…). */
public record Dependency(int head, int dependent, String relation) {
}
