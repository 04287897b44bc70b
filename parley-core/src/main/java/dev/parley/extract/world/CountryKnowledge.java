package dev.parley.extract.world;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every country Parley knows and the ways news copy names it: names, demonyms, capitals and seats of government
 * used as metonyms, foreign ministries, in Spanish and English, from the data in parley/world. Immutable and
 * thread-safe once loaded; load it once per JVM.
 */
public final class CountryKnowledge {

    private static final String COUNTRIES = "parley/world/countries.tsv";
    private static final String FORMS = "parley/world/forms.tsv";

    /** Between a generic ministry and the country that owns it: "Cancillería de Chile", "Japan's Foreign Ministry". */
    private static final Pattern OWNER_AFTER = Pattern.compile("\\s*(?:de|del|de la|of|of the)?\\s*");
    private static final Pattern OWNER_BEFORE = Pattern.compile("\\s*(?:['\u2019]s?)?\\s*");

    private final Map<String, WorldData.Validity> countries;
    private final CharTrie<List<FormEntry>> trie = new CharTrie<>();

    private static volatile CountryKnowledge shipped;

    private CountryKnowledge(Map<String, WorldData.Validity> countries, List<FormEntry> forms) {
        this.countries = java.util.Collections.unmodifiableMap(new HashMap<>(countries));
        Map<String, List<FormEntry>> byKey = new HashMap<>();
        for (FormEntry e : forms) {
            List<FormEntry> same = byKey.computeIfAbsent(FoldedText.key(e.form()), k -> new ArrayList<>());
            if (!conflictsWith(e, same)) {
                same.add(e);
            }
        }
        byKey.forEach((key, entries) -> trie.computeIfAbsent(key, () -> List.copyOf(entries)));
    }

    /** The shipped data, loaded on first use. */
    public static CountryKnowledge loadDefault() {
        CountryKnowledge k = shipped;
        if (k == null) {
            synchronized (CountryKnowledge.class) {
                if (shipped == null) {
                    shipped = load(open(COUNTRIES), open(FORMS));
                }
                k = shipped;
            }
        }
        return k;
    }

    /** Data in the shipped format (a user's own corrected copy, or test data). */
    public static CountryKnowledge load(Reader countriesTsv, Reader formsTsv) {
        return load(countriesTsv, List.of(formsTsv));
    }

    /** Countries and several forms files, later ones adding forms (a user's own spellings and metonyms). */
    public static CountryKnowledge load(Reader countriesTsv, List<Reader> formsTsvs) {
        Map<String, WorldData.Validity> countries = WorldData.countries(countriesTsv);
        List<FormEntry> forms = new ArrayList<>();
        for (Reader formsTsv : formsTsvs) {
            forms.addAll(WorldData.forms(formsTsv, countries));
        }
        return new CountryKnowledge(countries, forms);
    }

    /** The shipped data plus the user's forms files in the same format. */
    public static CountryKnowledge loadDefaultWith(List<java.nio.file.Path> extraFormsFiles) {
        List<Reader> forms = new ArrayList<>();
        forms.add(open(FORMS));
        try {
            for (java.nio.file.Path p : extraFormsFiles) {
                forms.add(java.nio.file.Files.newBufferedReader(p, StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return load(open(COUNTRIES), forms);
    }

    public Optional<Country> byCode(String code) {
        WorldData.Validity v = code == null ? null : countries.get(code.toUpperCase(Locale.ROOT));
        return v == null ? Optional.empty() : Optional.of(v.country());
    }

    public boolean isCountryCode(String code) {
        return byCode(code).isPresent();
    }

    public Collection<Country> countries() {
        return countries.values().stream().map(WorldData.Validity::country)
                .sorted(Comparator.comparing(Country::code)).toList();
    }

    /** Mentions as of today: a form shared by a state and its successor ("Moscow": SU, RU) is the current state. */
    public List<CountryMention> find(String text, String language) {
        return find(text, language, null);
    }

    /**
     * Every mention, in text order: longest first, non-overlapping, case- and accent-insensitive on whole words.
     * Forms the data marks {@code cased} ("US", "Chile", "la Casa Blanca") need their capitals unless the whole
     * text is upper-case wire copy.
     *
     * @param language "es" or "en" picks the language-specific forms ("EU" is the US in Spanish, the European Union
     *                 in English); any other value or null uses the forms of both
     * @param date     the article's date: a form shared by a historical state and its successor is the state of
     *                 that date ("Moscú" in 1987 is SU); null for the current state
     */
    public List<CountryMention> find(String text, String language, LocalDate date) {
        FoldedText t = FoldedText.of(text);
        boolean upperCaseCopy = isUpperCaseCopy(text);
        List<Match> candidates = new ArrayList<>();
        char[] c = t.chars;
        for (int i = 0; i < t.length; i++) {
            if (!FoldedText.isWordChar(c[i]) || (i > 0 && FoldedText.isWordChar(c[i - 1]))) {
                continue;
            }
            int start = i;
            Match[] longest = new Match[1];
            trie.walk(c, i, t.length, (end, entries) -> {
                if (end < t.length && FoldedText.isWordChar(c[end])
                        && FoldedText.isWordChar(c[end - 1])) {
                    return;
                }
                FormEntry chosen = choose(entries, t, start, language, upperCaseCopy, date);
                if (chosen != null) {
                    longest[0] = new Match(start, end, chosen);
                }
            });
            if (longest[0] != null) {
                candidates.add(longest[0]);
            }
        }
        return mentions(t, select(candidates));
    }

    private record Match(int start, int end, FormEntry entry) {
    }

    private FormEntry choose(List<FormEntry> entries, FoldedText t, int start, String language,
                             boolean upperCaseCopy, LocalDate date) {
        FormEntry best = null;
        int bestRank = -1;
        for (FormEntry e : entries) {
            if (!e.inLanguage(language) || !e.caseFits(t, start, upperCaseCopy)) {
                continue;
            }
            // Same spelling within one country: the form whose initial matches the text ("china" is the
            // demonym, "China" the name), then a name before a demonym ("Serbia").
            int viaPreference = Via.values().length - (e.isBlock() ? 0 : e.via().ordinal());
            int rank = rank(e, date) * 16 + (e.initialCaseFits(t, start) ? 8 : 0) + viaPreference;
            if (rank > bestRank) {
                best = e;
                bestRank = rank;
            }
        }
        return best;
    }

    /** Whether the code names a historical state that no longer existed on the date (SU in 2014). */
    public boolean ceasedBy(String code, LocalDate date) {
        WorldData.Validity v = code == null ? null : countries.get(code);
        return v != null && v.to() != null && !date.isBefore(v.to());
    }

    /** Among a state and its successor: the one valid on the date, else the current one. */
    private int rank(FormEntry e, LocalDate date) {
        WorldData.Validity v = e.code() == null ? null : countries.get(e.code());
        if (v == null) {
            return 1;
        }
        if (date != null) {
            return v.validOn(date) ? 2 : v.current() ? 1 : 0;
        }
        return v.current() ? 2 : 1;
    }

    private static List<Match> select(List<Match> candidates) {
        candidates.sort(Comparator.comparingInt((Match m) -> m.start - m.end).thenComparingInt(m -> m.start));
        List<Match> chosen = new ArrayList<>();
        for (Match m : candidates) {
            boolean free = chosen.stream().noneMatch(o -> m.start < o.end && o.start < m.end);
            if (free) {
                chosen.add(m);
            }
        }
        chosen.sort(Comparator.comparingInt(Match::start));
        return chosen;
    }

    private static List<CountryMention> mentions(FoldedText t, List<Match> matches) {
        List<CountryMention> out = new ArrayList<>();
        for (Match m : matches) {
            if (m.entry.isBlock()) {
                continue;
            }
            int begin = t.origin[m.start];
            int end = t.origin[m.end - 1] + 1;
            FormEntry e = m.entry;
            out.add(new CountryMention(e.code(), begin, end, t.original.substring(begin, end), e.via(),
                    e.alsoPersonName(), e.code() == null));
        }
        return attachMinistryOwners(t.original, out);
    }

    /** "la Cancillería mexicana", "Japan's Foreign Ministry": one ministry mention of that country. */
    private static List<CountryMention> attachMinistryOwners(String text, List<CountryMention> in) {
        List<CountryMention> out = new ArrayList<>(in);
        for (int i = 0; i < out.size(); i++) {
            CountryMention m = out.get(i);
            if (!m.needsCountryFromContext()) {
                continue;
            }
            CountryMention next = i + 1 < out.size() ? out.get(i + 1) : null;
            CountryMention previous = i > 0 ? out.get(i - 1) : null;
            if (owner(next) && OWNER_AFTER.matcher(text.substring(m.end(), next.begin())).matches()) {
                out.set(i, merged(text, next.code(), m.begin(), next.end()));
                out.remove(i + 1);
            } else if (owner(previous) && OWNER_BEFORE.matcher(text.substring(previous.end(), m.begin())).matches()) {
                out.set(i - 1, merged(text, previous.code(), previous.begin(), m.end()));
                out.remove(i);
                i--;
            }
        }
        return out;
    }

    private static boolean owner(CountryMention m) {
        return m != null && m.hasCountry() && (m.via() == Via.NAME || m.via() == Via.DEMONYM);
    }

    private static CountryMention merged(String text, String code, int begin, int end) {
        return new CountryMention(code, begin, end, text.substring(begin, end), Via.MINISTRY, false, false);
    }

    /** A form listed twice for different countries in one language is a data error, unless one state succeeded the other. */
    private boolean conflictsWith(FormEntry e, List<FormEntry> same) {
        for (FormEntry o : same) {
            boolean languagesMeet = e.language().equals("*") || o.language().equals("*")
                    || e.language().equals(o.language());
            if (!languagesMeet) {
                continue;
            }
            if (java.util.Objects.equals(e.code(), o.code()) && e.via() == o.via()) {
                return true; // the same form again (an explicit "U.S" next to the one derived from "U.S.")
            }
            if (!succession(e.code(), o.code())) {
                throw new IllegalArgumentException("form \"" + e.form() + "\" (" + e.language() + ") is listed for "
                        + o.code() + " and " + e.code());
            }
        }
        return false;
    }

    private boolean succession(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            return a != null && a.equals(b);
        }
        return !countries.get(a).current() || !countries.get(b).current();
    }

    /** Capitalised words that start sentences and phrases without being names ("In Monaco", "Para Israel"). */
    private static final java.util.Set<String> CAPITALISED_FUNCTION_WORDS = java.util.Set.of(
            "the", "a", "an", "in", "on", "at", "of", "from", "to", "for", "with", "and", "or", "but", "by", "as",
            "after", "before", "since", "like", "than", "via", "el", "la", "los", "las", "lo", "un", "una", "en",
            "de", "del", "desde", "hacia", "hasta", "con", "y", "e", "o", "u", "para", "por", "ante", "tras",
            "sobre", "entre", "sin", "que", "como", "pero", "según", "al");

    /**
     * For callers without NER: a form that is also a person's name ({@link CountryMention#alsoPersonName()}) with a
     * capitalised word right next to it ("Lisa Monaco", "Michael Jordan", "Israel Katz") is probably part of a name.
     * Never in upper-case wire copy, where capitals say nothing.
     */
    public static boolean looksLikePartOfName(String text, CountryMention m) {
        if (!m.alsoPersonName() || isUpperCaseCopy(text)) {
            return false;
        }
        String before = wordBefore(text, m.begin());
        if (before != null && Character.isUpperCase(before.charAt(0))
                && !CAPITALISED_FUNCTION_WORDS.contains(before.toLowerCase(Locale.ROOT))) {
            return true;
        }
        int j = m.end();
        while (j < text.length() && text.charAt(j) == ' ') {
            j++;
        }
        return j > m.end() && j < text.length() && Character.isUpperCase(text.charAt(j));
    }

    private static String wordBefore(String text, int begin) {
        int i = begin - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        if (i == begin - 1) {
            return null;
        }
        int end = i + 1;
        while (i >= 0 && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '.')) {
            i--;
        }
        return i + 1 < end ? text.substring(i + 1, end) : null;
    }

    private static boolean isUpperCaseCopy(String text) {
        int upper = 0;
        int lower = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isUpperCase(ch)) {
                upper++;
            } else if (Character.isLowerCase(ch)) {
                lower++;
            }
        }
        return upper >= 3 && lower * 20 <= upper;
    }

    private static Reader open(String resource) {
        InputStream in = CountryKnowledge.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
