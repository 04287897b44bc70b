package dev.parley.nlp;

/**
 * A named-entity mention: tokens [firstToken, endToken) of one type, as the NER model names it (PERSON,
 * ORGANIZATION, LOCATION, COUNTRY, TITLE, NATIONALITY, MISC, DATE…), with its text and character offsets in the
 * sentence.
 */
public record EntityMention(String type, int firstToken, int endToken, String text, int begin, int end) {
}
