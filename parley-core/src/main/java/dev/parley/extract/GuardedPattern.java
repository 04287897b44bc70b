package dev.parley.extract;

import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern with a substring that every match contains (empty when the pattern has none). Hundreds of gazetteer
 * phrases and lexicon triggers are tried on every sentence and almost none occur: a plain {@code contains} on the
 * anchor rules most out before the regex runs.
 */
public record GuardedPattern(Pattern pattern, String anchor) {

    /** A phrase matched in folded text as whole words, internal spaces matching any whitespace. */
    public static GuardedPattern folded(String phrase) {
        String anchor = Arrays.stream(Folding.fold(phrase.strip()).split("\\s+"))
                .max(Comparator.comparingInt(String::length)).orElse("");
        return new GuardedPattern(Folding.literalPattern(phrase), anchor);
    }

    /** A phrase matched exactly as written, between the given look-behind and look-ahead. */
    static GuardedPattern exact(String phrase, String lookBehind, String lookAhead) {
        return new GuardedPattern(Pattern.compile(lookBehind + Pattern.quote(phrase) + lookAhead), phrase);
    }

    /**
     * A lexicon regex as a whole-word pattern, anchored on its leading literal letters when it has some ("dialog" for
     * {@code dialog(?:o|aron)}, "llamada" for {@code llamadas?}); a top-level alternative has no common anchor.
     */
    static GuardedPattern lexiconRegex(String regex) {
        return new GuardedPattern(Folding.wordPattern(regex), leadingLiteral(regex));
    }

    static String leadingLiteral(String regex) {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return "";
            }
        }
        int end = 0;
        while (end < regex.length() && (Character.isLetter(regex.charAt(end)) || regex.charAt(end) == ' ')) {
            end++;
        }
        // A quantifier after the literal makes its last letter optional.
        if (end < regex.length() && "?*{".indexOf(regex.charAt(end)) >= 0) {
            end--;
        }
        return end >= 3 ? regex.substring(0, end) : "";
    }

    /** A matcher over the text, or null when the text cannot contain a match. */
    public Matcher matcherOrNull(String text) {
        return anchor.isEmpty() || text.contains(anchor) ? pattern.matcher(text) : null;
    }

    public boolean foundIn(String text) {
        Matcher m = matcherOrNull(text);
        return m != null && m.find();
    }

    int length() {
        return pattern.pattern().length();
    }
}
