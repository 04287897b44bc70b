package dev.parley.extract;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Folds text to lower case without accents, one output char per input char, so that a match found in the folded
 * text has the same character span in the original (provenance spans must point into the article as written).
 */
public final class Folding {

    private Folding() {
    }

    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                out.append(Character.toLowerCase(c));
                continue;
            }
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = decomposed.isEmpty() ? c : decomposed.charAt(0);
            base = switch (base) {
                case '\u2019', '\u2018' -> '\'';
                case '\u201C', '\u201D', '\u00AB', '\u00BB' -> '"';
                case '\u2013', '\u2014' -> '-';
                case '\u00A0' -> ' ';
                default -> base;
            };
            out.append(Character.toLowerCase(base));
        }
        return out.toString();
    }

    /** A lexicon entry becomes a pattern that only matches whole words. */
    public static Pattern wordPattern(String regex) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])");
    }

    /** Literal phrase (folded) as a whole-word pattern; internal spaces match any run of whitespace. */
    public static Pattern literalPattern(String phrase) {
        String folded = fold(phrase.strip());
        StringBuilder regex = new StringBuilder();
        for (String part : folded.split("\\s+")) {
            if (regex.length() > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(part));
        }
        return wordPattern(regex.toString());
    }

    public static Pattern anyOf(List<String> regexes) {
        return wordPattern(String.join("|", regexes.stream().map(r -> "(?:" + r + ")").toList()));
    }
}
