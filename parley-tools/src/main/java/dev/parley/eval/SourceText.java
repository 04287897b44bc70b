package dev.parley.eval;

import dev.parley.extract.ArticleInput;

import java.time.LocalDate;

/**
 * An article as read from its source at evaluation time: the text gold offsets refer to ({@code source}), and the
 * title and body handed to the extractor, with a map from every body character back to its position in
 * {@code source} (the body is the source reshaped as ingest would: unwrapped lines, HTML stripped).
 *
 * @param bodyToSource for each char of body, its char offset in source; length body.length() + 1
 * @param titleOffset  where the title starts in source, or -1 when the source text does not contain it
 */
public record SourceText(String reference, LocalDate published, String source, String title, String body,
                         int[] bodyToSource, int titleOffset) {

    public SourceText {
        if (bodyToSource.length != body.length() + 1) {
            throw new IllegalArgumentException("offset map of " + bodyToSource.length + " for body of " + body.length());
        }
    }

    public ArticleInput input(String articleId, String language) {
        return new ArticleInput(articleId, reference, published, language, title, body);
    }

    /**
     * The source offset (in chars) of an offset into {@link ArticleInput#text()}, or -1 inside a title that the
     * source text does not contain.
     */
    public int toSource(int extractorOffset) {
        int bodyStart = title.isBlank() ? 0 : title.length() + 2;
        if (extractorOffset < bodyStart) {
            return titleOffset < 0 ? -1 : titleOffset + Math.min(extractorOffset, title.length());
        }
        return bodyToSource[Math.min(extractorOffset - bodyStart, body.length())];
    }

    /** A span of the extractor's text as a code-point span of the source (gold units), or null in a lost title. */
    public int[] sourceSpan(int start, int end) {
        int s = toSource(start);
        int e = end <= start ? s : toSource(end - 1) + 1;
        if (s < 0 || e < 0) {
            return null;
        }
        return new int[]{source.codePointCount(0, s), source.codePointCount(0, Math.min(e, source.length()))};
    }

    /** A short excerpt of the source at a code-point span (reports never print whole articles). */
    public String excerpt(int cpStart, int cpEnd, int maxChars) {
        int length = source.codePointCount(0, source.length());
        if (cpStart < 0 || cpStart >= length) {
            return "";
        }
        int s = source.offsetByCodePoints(0, cpStart);
        int e = source.offsetByCodePoints(0, Math.min(Math.max(cpEnd, cpStart), length));
        String text = source.substring(s, e).replaceAll("\\s+", " ").strip();
        return text.length() <= maxChars ? text : text.substring(0, maxChars - 1) + "…";
    }

    /** Builds a body char by char, remembering each char's source offset. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int[] map = new int[256];

        Builder append(char c, int sourceOffset) {
            if (text.length() + 1 >= map.length) {
                map = java.util.Arrays.copyOf(map, map.length * 2);
            }
            map[text.length()] = sourceOffset;
            text.append(c);
            return this;
        }

        Builder append(String s, int sourceOffset) {
            for (int i = 0; i < s.length(); i++) {
                append(s.charAt(i), sourceOffset);
            }
            return this;
        }

        int length() {
            return text.length();
        }

        char last() {
            return text.length() == 0 ? '\n' : text.charAt(text.length() - 1);
        }

        String text() {
            return text.toString();
        }

        int[] map(int endOffset) {
            int[] out = java.util.Arrays.copyOf(map, text.length() + 1);
            out[text.length()] = endOffset;
            return out;
        }
    }
}
