package dev.parley.extract.actors;

import dev.parley.nlp.Dependency;
import dev.parley.nlp.EntityMention;
import dev.parley.nlp.ParsedSentence;
import dev.parley.nlp.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A parse written by hand, as a parser would give it: words separated by spaces (no space is put before
 * punctuation and "'s"), NER runs by token range, dependencies by token index.
 */
final class HandParse {

    private static final Set<String> NO_SPACE_BEFORE = Set.of(",", ".", "'s", ")", ":", ";");

    private final List<String> words;
    private final String[] ner;
    private final List<EntityMention> entities = new ArrayList<>();
    private final List<Dependency> dependencies = new ArrayList<>();
    private final List<int[]> offsets = new ArrayList<>();
    private final String text;

    private HandParse(String sentence) {
        this.words = Arrays.asList(sentence.split(" "));
        this.ner = new String[words.size()];
        Arrays.fill(ner, "O");
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (out.length() > 0 && !NO_SPACE_BEFORE.contains(w)) {
                out.append(' ');
            }
            offsets.add(new int[] {out.length(), out.length() + w.length()});
            out.append(w);
        }
        this.text = out.toString();
    }

    static HandParse of(String spacedWords) {
        return new HandParse(spacedWords);
    }

    /** Tokens [first, end) form one entity of the type. */
    HandParse entity(int first, int end, String type) {
        for (int i = first; i < end; i++) {
            ner[i] = type;
        }
        entities.add(new EntityMention(type, first, end, text.substring(offsets.get(first)[0], offsets.get(end - 1)[1]),
                offsets.get(first)[0], offsets.get(end - 1)[1]));
        return this;
    }

    /** The entity whose words are these (first occurrence). */
    HandParse entity(String entityWords, String type) {
        int first = indexOf(entityWords);
        return entity(first, first + entityWords.split(" ").length, type);
    }

    HandParse dep(int head, int dependent, String relation) {
        dependencies.add(new Dependency(head, dependent, relation));
        return this;
    }

    int indexOf(String wordsInARow) {
        List<String> wanted = Arrays.asList(wordsInARow.split(" "));
        for (int i = 0; i + wanted.size() <= words.size(); i++) {
            if (words.subList(i, i + wanted.size()).equals(wanted)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no '" + wordsInARow + "' in " + text);
    }

    ParsedSentence parse() {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            tokens.add(new Token(i, words.get(i), words.get(i).toLowerCase(), "X", ner[i], offsets.get(i)[0],
                    offsets.get(i)[1]));
        }
        return new ParsedSentence(text, tokens, entities, dependencies);
    }
}
