package dev.parley.text;

/**
 * One word of an article: its folded form (as {@link TextNormalizer} would write it) and where it sits in the
 * original text, so that matches found on folded words can be reported as spans of the text users read.
 *
 * @param form  folded word (NFKC, lower case, no accents)
 * @param start index of the first char in the original text
 * @param end   index after the last char in the original text
 */
public record Token(String form, int start, int end) {
}
