package dev.parley.nlp;

/**
 * A token: its surface form, lemma, universal part-of-speech tag (UPOS: NOUN, PROPN, VERB, ADP…), NER label ("O"
 * outside entities) and character offsets [begin, end) in the sentence.
 */
public record Token(int index, String word, String lemma, String pos, String ner, int begin, int end) {
}
