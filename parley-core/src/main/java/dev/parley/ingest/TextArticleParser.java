package dev.parley.ingest;

import dev.parley.avro.SourceFormat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text with an optional header at the very top:
 * <pre>
 * ---
 * title: ...
 * outlet: ...
 * url: ...
 * date: 2026-03-03          (ISO date or date-time)
 * language: es              (optional override)
 * ---
 * </pre>
 * Other {@code key: value} lines go to the article's metadata. Also read: the legacy inline form, where the file
 * begins with {@code " date YYYY-MM-DD "} and the text follows on the same line.
 */
final class TextArticleParser {

    private static final Pattern HEADER_LINE = Pattern.compile("([A-Za-z][\\w-]*)\\s*:\\s*(.*)");
    private static final Pattern LEGACY_DATE = Pattern.compile("\\A\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\s+");
    private static final String FENCE = "---";

    private TextArticleParser() {
    }

    static List<Parsed> parse(String origin, String text, OriginalInput original) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Map<String, String> header = new LinkedHashMap<>();
        String content = s;
        Matcher legacy = LEGACY_DATE.matcher(s);
        if (legacy.lookingAt()) {
            header.put("date", legacy.group(1));
            content = s.substring(legacy.end());
        } else {
            int end = headerEnd(s, header);
            if (end >= 0) {
                content = s.substring(end);
            } else {
                header.clear();
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>(header);
        for (String known : List.of("title", "outlet", "url", "date", "language")) {
            metadata.remove(known);
        }
        ParsedItem item = new ParsedItem(origin, SourceFormat.TEXT, header.get("title"),
                Paragraphs.fromPlainText(content), header.get("outlet"), header.get("url"), null,
                MetadataDate.stated(header.get("date")), header.get("language"), metadata, original);
        return List.of(new Parsed.Item(item));
    }

    /** Fills {@code header} and answers the index after the closing fence, or -1 when there is no valid header. */
    private static int headerEnd(String s, Map<String, String> header) {
        List<String> lines = s.lines().toList();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first >= lines.size() || !lines.get(first).strip().equals(FENCE)) {
            return -1;
        }
        int offset = 0;
        for (int i = 0; i <= first; i++) {
            offset = advance(s, offset);
        }
        for (int i = first + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            offset = advance(s, offset);
            if (line.strip().equals(FENCE)) {
                return offset;
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = HEADER_LINE.matcher(line.strip());
            if (!m.matches()) {
                return -1;
            }
            String value = m.group(2).strip();
            if (!value.isEmpty()) {
                header.put(m.group(1).toLowerCase(Locale.ROOT), value);
            }
        }
        return -1;
    }

    private static int advance(String s, int offset) {
        int newline = s.indexOf('\n', offset);
        return newline < 0 ? s.length() : newline + 1;
    }
}
