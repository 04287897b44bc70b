package dev.parley.extract;

/** Pressure, conciliation or sovereignty-defence language, attributed to a side (ISO country code, or null). */
public record Stance(Lexicon.StanceType type, String side, String term, Passage passage) {
}
