package dev.parley.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Shapes a body: Unicode NFC, one paragraph per block, paragraphs separated by exactly one blank line. */
final class Paragraphs {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[\\h\\x0B\\f]*\\n\\s*");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\h\\x0B\\f]+");
    // Control characters other than line breaks carry no text; a few survive decoding (see TextDecoder).
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    // Lines of a hard-wrapped paragraph: every line but the last within these lengths.
    private static final int WRAP_MIN = 40;
    private static final int WRAP_MAX = 100;

    private Paragraphs() {
    }

    /**
     * Plain text to body. A block between blank lines is one paragraph when it looks hard-wrapped (every line but
     * the last 40–100 characters long); otherwise each of its lines is a paragraph, since many sources (and copies
     * pasted from web pages) put one paragraph per line without blank lines between them.
     */
    static String fromPlainText(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        s = CONTROLS.matcher(s.replace('\t', ' ')).replaceAll("");
        List<String> paragraphs = new ArrayList<>();
        for (String block : BLANK_LINES.split(s.strip())) {
            List<String> lines = block.lines().map(Paragraphs::clean).filter(l -> !l.isEmpty()).toList();
            if (isHardWrapped(lines)) {
                paragraphs.add(String.join(" ", lines));
            } else {
                paragraphs.addAll(lines);
            }
        }
        return join(paragraphs);
    }

    /** Paragraphs already separated (HTML blocks, feed content) to body. */
    static String join(List<String> paragraphs) {
        List<String> cleaned = new ArrayList<>();
        for (String p : paragraphs) {
            String c = clean(CONTROLS.matcher(Normalizer.normalize(p, Normalizer.Form.NFC)).replaceAll(" "));
            if (!c.isEmpty()) {
                cleaned.add(c);
            }
        }
        return String.join("\n\n", cleaned);
    }

    private static boolean isHardWrapped(List<String> lines) {
        if (lines.size() < 2) {
            return false;
        }
        for (int i = 0; i < lines.size() - 1; i++) {
            int n = lines.get(i).length();
            if (n < WRAP_MIN || n > WRAP_MAX) {
                return false;
            }
        }
        return true;
    }

    private static String clean(String line) {
        return HORIZONTAL_SPACE.matcher(line.replace('\n', ' ')).replaceAll(" ").strip();
    }
}
