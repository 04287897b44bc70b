package dev.parley.extract;

import dev.parley.extract.actors.ActorContext;
import dev.parley.extract.actors.TextActorReader;
import dev.parley.nlp.ParsedSentence;

import java.time.LocalDate;
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
    List<ActorMention> find(Sentence sentence, ParsedSentence parse, String language, List<Actor> context,
                            LocalDate date);

    /** Known names only: the gazetteer's people, bodies, roles and countries. */
    static ActorSource of(Gazetteer gazetteer) {
        return (sentence, parse, language, context, date) -> gazetteer.find(sentence.text(), context);
    }

    /**
     * People, offices, organisations and countries read from the text (on the parse where there is one), the
     * gazetteer as optional knowledge; an office resolves to a holder only for a term that covers {@code date}.
     */
    static ActorSource of(TextActorReader reader) {
        return (sentence, parse, language, context, date) -> {
            ActorContext known = ActorContext.of(context);
            return (parse != null ? reader.read(parse, language, known, date)
                    : reader.readText(sentence.text(), language, known, date)).mentions();
        };
    }
}
