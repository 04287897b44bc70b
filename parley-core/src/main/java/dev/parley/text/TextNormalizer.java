package dev.parley.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text to the form in which two copies of one article compare equal: Unicode NFKC, lower case, accents
 * removed, social-media link boilerplate dropped, quotes and dashes unified, whitespace collapsed.
 */
public final class TextNormalizer {

    // Reprints of the same post carry different short links; they say nothing about the text.
    private static final Pattern LINK_BOILERPLATE =
            Pattern.compile("(?:https?://)?(?:pic\\.twitter\\.com|t\\.co)/\\S*", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern QUOTES = Pattern.compile("[\"“”„«»‘’‚‹›']");
    private static final Pattern DASHES = Pattern.compile("[‐‑‒–—―−]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = LINK_BOILERPLATE.matcher(s).replaceAll(" ");
        s = s.toLowerCase(Locale.ROOT);
        s = COMBINING_MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = QUOTES.matcher(s).replaceAll("\"");
        s = DASHES.matcher(s).replaceAll("-");
        return WHITESPACE.matcher(s).replaceAll(" ").strip();
    }
}
