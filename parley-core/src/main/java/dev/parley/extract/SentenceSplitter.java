package dev.parley.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small rule splitter rather than java.text.BreakIterator: BreakIterator breaks inside "Washington, D.C." and
 * "EE. UU." and does not know that a news dateline ("... de 2026.-") or a post signature ends a sentence. Rules:
 * paragraphs (line breaks) always end a sentence; '.', '!', '?', '…' followed by space and an upper-case letter,
 * a quote or a handle end one, unless the token before is a known abbreviation.
 */
public final class SentenceSplitter {

    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?…])(?:-)?[\"”’»)]?\\s+(?=[\\p{Lu}\"“«'¿¡—–.@]|\\p{Lu})");
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?:\\b(?:D\\.C|Sr|Sra|Dr|Dra|Lic|Mr|Mrs|Ms|St|Gral|Gen|Sen|Rep|No|núm|EE\\.UU|EE\\. UU|U\\.S|E\\.U|Jr|Inc|Ltd|etc|p\\.ej|a\\.m|p\\.m)\\.|\\b\\p{Lu}\\.)$");
    private static final Pattern SIGNATURE = Pattern.compile(
            "[—–-]\\s*([^\\n(]{0,80}?)\\s*\\((@\\w+)\\)\\s+(\\p{L}+\\.? \\d{1,2},? \\d{4})");

    private final DateResolver dates;

    public SentenceSplitter(DateResolver dates) {
        this.dates = dates;
    }

    public List<Sentence> split(String text, LocalDate reference) {
        List<Sentence> out = new ArrayList<>();
        List<EmbeddedPost> posts = findPosts(text, reference);
        int paragraph = 0;
        int pos = 0;
        for (String line : text.split("\n", -1)) {
            int lineStart = pos;
            pos += line.length() + 1;
            if (line.isBlank()) {
                continue;
            }
            int start = lineStart;
            Matcher m = BOUNDARY.matcher(line);
            while (m.find()) {
                int cut = lineStart + m.start();
                String before = text.substring(Math.max(start, cut - 12), cut);
                if (ABBREVIATION.matcher(before.replaceFirst("[\"”’»)]+$", "")).find()) {
                    continue;
                }
                add(out, text, start, lineStart + m.end(), paragraph, posts);
                start = lineStart + m.end();
            }
            add(out, text, start, lineStart + line.length(), paragraph, posts);
            paragraph++;
        }
        return out;
    }

    private void add(List<Sentence> out, String text, int start, int end, int paragraph, List<EmbeddedPost> posts) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end <= start) {
            return;
        }
        int s = start;
        EmbeddedPost post = posts.stream().filter(p -> p.span().contains(s)).findFirst().orElse(null);
        out.add(new Sentence(out.size(), new Span(start, end), text.substring(start, end), paragraph, post));
    }

    /** A post is the paragraph a signature "— Name (@handle) date" ends or, when the signature stands alone, follows. */
    private List<EmbeddedPost> findPosts(String text, LocalDate reference) {
        List<EmbeddedPost> posts = new ArrayList<>();
        Matcher m = SIGNATURE.matcher(text);
        while (m.find()) {
            Optional<ResolvedDate> date = dates.resolve(m.group(3), reference);
            if (date.isEmpty()) {
                continue;
            }
            posts.add(new EmbeddedPost(new Span(postStart(text, m.start()), m.end()), new Span(m.start(), m.end()),
                    m.group(2), date.get().date()));
        }
        return posts;
    }

    /**
     * Where the post signed at {@code signature} begins: the start of the signature's own paragraph, or, when the
     * signature stands alone on its line (after a line break or a blank line, as ingest lays out an embed), the
     * start of the paragraph just before it.
     */
    static int postStart(String text, int signature) {
        int lineStart = text.lastIndexOf('\n', signature - 1) + 1;
        if (!text.substring(lineStart, signature).isBlank()) {
            return lineStart;
        }
        int end = lineStart;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end == 0 ? lineStart : text.lastIndexOf('\n', end - 1) + 1;
    }
}
