package dev.parley.extract;

import dev.parley.nlp.ParsedSentence;

import java.util.List;

/**
 * Where a sentence's actors come from: one replaceable stage (the gazetteer today; a reader of people and offices
 * on the parse can take its place). Spans are relative to the sentence.
 */
public interface ActorSource {

    /**
     * @param parse   the sentence's parse, or null when the sentence was not parsed
     * @param context actors already named in the article, earliest first (for surnames and anaphora)
     */
    List<ActorMention> find(Sentence sentence, ParsedSentence parse, String language, List<Actor> context);

    static ActorSource of(Gazetteer gazetteer) {
        return (sentence, parse, language, context) -> gazetteer.find(sentence.text(), context);
    }
}
