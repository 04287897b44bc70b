package dev.parley.eval;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One line of a gold file (format: eval/README.md): the labels of one real article and the reference to its source.
 * Evidence offsets are in Unicode code points of the text the evaluator reads from the source.
 */
public record GoldArticle(String file, int line, String source, String id, String path, String blob,
                          LocalDate published, String language, boolean hasEngagement, List<Event> events,
                          List<Commitment> commitments) {

    public static final String REUTERS = "reuters-21578";
    public static final String LJZAC = "ljzac";

    public record Evidence(int start, int end) {
    }

    /** A named participant (name null: an office without a name, which participant scores ignore). */
    public record Person(String name, String country, String office) {
    }

    public record Event(String kind, Set<String> countries, LocalDate date, LocalDate dateFrom, LocalDate dateTo,
                        List<Person> participants, String initiator, Evidence evidence) {

        public boolean undated() {
            return date == null && dateFrom == null && dateTo == null;
        }
    }

    public record Commitment(String what, String due, String where, Set<String> parties, Evidence evidence) {
    }

    /**
     * Whether the article is in a development part of its source (Reuters NEWID 4100–5500 or 12500–14900; posts in
     * the day folders 08, 10, 14, 16, 20, 22): the rest is reserved for the final evaluation.
     */
    public boolean inDevelopmentPart() {
        if (REUTERS.equals(source)) {
            try {
                int n = Integer.parseInt(id.strip());
                return n >= 4100 && n <= 5500 || n >= 12500 && n <= 14900;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("_posts/\\d{4}/\\d{2}/(\\d{2})/").matcher(path);
        return m.find() && Set.of("08", "10", "14", "16", "20", "22").contains(m.group(1));
    }

    /** "reuters-21578:4123" or "ljzac:_posts/2013/10/08/x.md": how reports name the article. */
    public String reference() {
        return source + ":" + (REUTERS.equals(source) ? id : path);
    }
}
