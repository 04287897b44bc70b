package dev.parley.extract.world;

import java.text.Normalizer;

/**
 * A text folded for matching: lower case, no accents, typographic quotes and dashes made plain, every run of
 * whitespace and hyphens one space. {@link #origin} maps each folded char back to the text as written, so matches
 * keep exact provenance offsets.
 */
final class FoldedText {

    /** Latin, Latin-1 and Latin Extended-A/B folded up front; rarer chars are folded as they come. */
    private static final char[] FOLD = new char[0x250];

    static {
        for (int c = 0; c < FOLD.length; c++) {
            FOLD[c] = foldChar((char) c);
        }
    }

    final String original;
    final char[] chars;
    final int[] origin;
    final int length;

    private FoldedText(String original, char[] chars, int[] origin, int length) {
        this.original = original;
        this.chars = chars;
        this.origin = origin;
        this.length = length;
    }

    static FoldedText of(String text) {
        char[] out = new char[text.length()];
        int[] origin = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            char f = ch < FOLD.length ? FOLD[ch] : foldChar(ch);
            if (f == ' ') {
                if (n == 0 || out[n - 1] == ' ') {
                    continue;
                }
            }
            out[n] = f;
            origin[n] = i;
            n++;
        }
        return new FoldedText(text, out, origin, n);
    }

    /** The folded key of a data form ("EE. UU." becomes "ee. uu."). */
    static String key(String form) {
        FoldedText t = of(form.strip());
        return new String(t.chars, 0, t.length).strip();
    }

    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        return Character.isLetterOrDigit(c);
    }

    private static char foldChar(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return ' ';
        }
        switch (c) {
            case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014':
                return ' ';
            case '\u2019', '\u2018', '\u00B4', '`':
                return '\'';
            case '\u201C', '\u201D', '\u00AB', '\u00BB':
                return '"';
            default:
                break;
        }
        if (c < 128) {
            return Character.toLowerCase(c);
        }
        if (Character.isSurrogate(c)) {
            return c;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.isEmpty() ? c : decomposed.charAt(0);
        return Character.toLowerCase(base);
    }
}
