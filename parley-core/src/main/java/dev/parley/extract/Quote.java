package dev.parley.extract;

/** Quoted words and, where the text says who, the speaker (actor id, else null). */
public record Quote(String text, String speakerId, String speakerCountry, Passage passage) {
}
