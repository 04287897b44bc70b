package dev.parley.nlp;

/**
 * Parley's port to a natural-language parser: one sentence in, tokens, entities and dependencies out. The extractor
 * depends on this interface only, so CoreNLP stays behind one adapter and another backend could replace it.
 * Implementations are safe to call from several stream threads at once.
 */
public interface SentenceParser {

    /**
     * Parses one sentence. Offsets in the result are relative to {@code sentence}.
     *
     * @param language an ISO 639-1 code, "es" or "en"; other languages may be refused with
     *                 {@link IllegalArgumentException}
     */
    ParsedSentence parse(String sentence, String language);

    /** Whether this parser has a pipeline for the language. */
    boolean supports(String language);
}
