package dev.parley.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits original text into words (maximal runs of letters and digits) with their char offsets. Punctuation,
 * quotes and dashes are separators, so "inaceptable" and “inaceptable” are the same word; links are skipped
 * because reprints carry different short links for the same content.
 */
public final class Tokenizer {

    private static final Pattern LINKS = Pattern.compile(
            "(?:https?://|www\\.|pic\\.twitter\\.com/|\\bt\\.co/)\\S*", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private Tokenizer() {
    }

    public static List<Token> tokenize(String text) {
        BitSet skipped = linkChars(text);
        List<Token> tokens = new ArrayList<>(Math.max(16, text.length() / 6));
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp) || skipped.get(i)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                int c = text.codePointAt(i);
                if (!isWordChar(c) || skipped.get(i)) {
                    break;
                }
                i += Character.charCount(c);
            }
            String form = fold(text.substring(start, i));
            if (!form.isEmpty()) {
                tokens.add(new Token(form, start, i));
            }
        }
        return tokens;
    }

    /** The folded forms only, for callers that need no offsets. */
    public static List<String> words(String text) {
        return tokenize(text).stream().map(Token::form).toList();
    }

    static String fold(String word) {
        if (isPlainAscii(word)) {
            return word.toLowerCase(Locale.ROOT); // already NFKC, no accents: skip the costly normalisations
        }
        String s = Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = COMBINING_MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        // NFKC can expand a char into punctuation (e.g. a fraction slash); keep only word chars.
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(Tokenizer::isWordChar).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isPlainAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 128) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    /**
     * False only when {@link #LINKS} cannot match: each of its alternatives starts with "http", "www.", "pic." or
     * "t.co/" (ASCII case-insensitive, as the pattern is).
     */
    static boolean mayHoldLink(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            switch (text.charAt(i)) {
                case 'h', 'H' -> {
                    if (text.regionMatches(true, i, "http", 0, 4)) {
                        return true;
                    }
                }
                case 'w', 'W' -> {
                    if (text.regionMatches(true, i, "www.", 0, 4)) {
                        return true;
                    }
                }
                case 'p', 'P' -> {
                    if (text.regionMatches(true, i, "pic.", 0, 4)) {
                        return true;
                    }
                }
                case 't', 'T' -> {
                    if (text.regionMatches(true, i, "t.co/", 0, 5)) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static BitSet linkChars(String text) {
        BitSet bits = new BitSet(text.length());
        if (!mayHoldLink(text)) {
            return bits; // most texts: no position where LINKS could start, so the regex need not try each one
        }
        Matcher m = LINKS.matcher(text);
        while (m.find()) {
            bits.set(m.start(), m.end());
        }
        return bits;
    }
}
