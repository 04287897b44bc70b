package dev.parley.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realistic news articles at any scale, built at run time from the vocabulary and structure of real texts (the seeds
 * and samples): nothing of theirs is stored in the repository, and the same seed gives the same corpus.
 *
 * <p>A <em>story</em> keeps the shape of one real article (paragraphs, sentence lengths, punctuation, short function
 * words) while every lower-case word longer than three letters is redrawn from the vocabulary of its language and
 * half of the capitalised words (names, places) from the names of all texts: stories read like news, carry
 * the names the extractor looks for, and share no passages by construction. The other kinds are made from earlier
 * stories with known edits, in exactly the requested shares:
 * <ul>
 *   <li>{@link Kind#EXACT_COPY}: the same body under another outlet and URL, published minutes to hours later;</li>
 *   <li>{@link Kind#NEAR_COPY}: one sentence redrawn and one word misspelt (word 5-shingle Jaccard with the original
 *       stays above 0.7: only stories of at least 100 words are near-copied, and only a short sentence changes);</li>
 *   <li>{@link Kind#REPRINT}: a new story that carries two or three consecutive sentences of an earlier story word
 *       for word as a paragraph of its own (a reprinted passage, far below whole-document thresholds).</li>
 * </ul>
 */
public final class CorpusGenerator {

    public enum Kind { STORY, EXACT_COPY, NEAR_COPY, REPRINT }

    /** Shares of the non-story kinds, each in [0, 1), together below 1. */
    public record Shares(double exactCopy, double nearCopy, double reprint) {
        public static final Shares DEFAULT = new Shares(0.10, 0.10, 0.10);

        public Shares {
            if (exactCopy < 0 || nearCopy < 0 || reprint < 0 || exactCopy + nearCopy + reprint >= 1) {
                throw new IllegalArgumentException("shares must be >= 0 and sum below 1");
            }
        }
    }

    /** A real text to take structure and vocabulary from. */
    public record Base(String language, String body) {
    }

    /**
     * One generated article. {@code sourceIndex} is the index of the story it copies or reprints from (-1 for a
     * story), {@code passage} the reprinted sentences for a {@link Kind#REPRINT}.
     */
    public record Generated(int index, Kind kind, int sourceIndex, String language, String title, String outlet,
                            String url, Instant publishedAt, String body, String passage) {

        public String toJsonLine() {
            ObjectNode line = JSON.createObjectNode();
            line.put("id", "bench-" + index);
            line.put("title", title);
            line.put("outlet", outlet);
            line.put("url", url);
            line.put("language", language);
            line.put("publishedAt", publishedAt.toString());
            line.put("body", body);
            try {
                return JSON.writeValueAsString(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Counts per kind, in the order of {@link Kind}. */
    public record Summary(int total, Map<Kind, Integer> counts) {
        public static Summary of(List<Generated> corpus) {
            Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
            for (Kind k : Kind.values()) {
                counts.put(k, 0);
            }
            corpus.forEach(g -> counts.merge(g.kind(), 1, Integer::sum));
            return new Summary(corpus.size(), counts);
        }

        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(total).append(" articles:");
            counts.forEach((k, n) -> sb.append(String.format(Locale.ROOT, " %s %d (%.1f%%)",
                    k.name().toLowerCase(Locale.ROOT).replace('_', ' '), n, total == 0 ? 0 : 100.0 * n / total)));
            return sb.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”»)]?)\\s+(?=[\\p{Lu}\"“«(¿¡])");
    /** Stories redraw half the names: they keep recurring like real names do, without long shared name runs. */
    private static final double NAME_REDRAW = 0.5;
    private static final int MIN_WORDS_FOR_NEAR_COPY = 100;
    private static final String[] OUTLETS = {"Diario del Norte", "La Voz del Sur", "Prairie Ledger", "El Observador",
            "Coastal Times", "Agencia Meridiano", "Heraldo Central", "The Capital Report", "Gaceta Federal",
            "Northern Wire", "Crónica Andina", "Harbour Post"};

    private final List<ParsedBase> bases;
    private final Map<String, List<String>> vocabulary;
    private final List<String> names;

    private record ParsedBase(String language, List<List<String>> paragraphs) {
        int sentences() {
            return paragraphs.stream().mapToInt(List::size).sum();
        }
    }

    public CorpusGenerator(List<Base> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no base texts");
        }
        List<ParsedBase> parsed = new ArrayList<>();
        Map<String, Set<String>> words = new java.util.TreeMap<>();
        Set<String> capitalised = new LinkedHashSet<>();
        for (Base b : texts) {
            List<List<String>> paragraphs = new ArrayList<>();
            for (String p : b.body().split("\\n\\s*\\n|\\n")) {
                if (!p.isBlank()) {
                    paragraphs.add(List.of(SENTENCE_END.split(p.strip())));
                }
            }
            if (!paragraphs.isEmpty()) {
                parsed.add(new ParsedBase(b.language(), paragraphs));
            }
            Matcher m = TOKEN.matcher(b.body());
            while (m.find()) {
                String w = m.group();
                if (Character.isUpperCase(w.charAt(0))) {
                    if (w.length() > 3) {
                        capitalised.add(w);
                    }
                } else if (w.length() > 3) {
                    words.computeIfAbsent(b.language(), l -> new LinkedHashSet<>()).add(w);
                }
            }
        }
        this.bases = List.copyOf(parsed);
        Map<String, List<String>> vocab = new java.util.TreeMap<>();
        words.forEach((lang, set) -> vocab.put(lang, List.copyOf(set)));
        this.vocabulary = vocab;
        this.names = List.copyOf(capitalised);
    }

    /**
     * {@code count} articles over {@code span} of event time from {@code start}, in publication order with up to
     * a day and a half of disorder; the kinds in exactly the given shares (rounded), the first 20 always stories.
     */
    public List<Generated> generate(int count, Shares shares, Instant start, Duration span, long seed) {
        Random random = new Random(seed);
        List<Kind> kinds = kinds(count, shares, random);
        List<Generated> out = new ArrayList<>(count);
        List<Integer> stories = new ArrayList<>();
        List<Integer> longStories = new ArrayList<>();
        long stepMillis = span.toMillis() / Math.max(1, count);
        for (int i = 0; i < count; i++) {
            Kind kind = kinds.get(i);
            if (kind == Kind.NEAR_COPY && longStories.isEmpty()) {
                kind = Kind.EXACT_COPY; // cannot happen with the 20 leading stories unless every base is short
            }
            String outlet = OUTLETS[random.nextInt(OUTLETS.length)];
            String url = "https://bench.example.org/" + kind.name().toLowerCase(Locale.ROOT) + "/" + i;
            Generated g = switch (kind) {
                case STORY -> {
                    Instant at = start.plusMillis(i * stepMillis + (long) (random.nextDouble() * 36 * 3_600_000L));
                    Story s = story(random);
                    yield new Generated(i, kind, -1, s.language, s.title, outlet, url, at, s.body, null);
                }
                case EXACT_COPY -> {
                    Generated src = out.get(stories.get(random.nextInt(stories.size())));
                    yield new Generated(i, kind, src.index(), src.language(), src.title(), outlet, url,
                            later(src, random), src.body(), null);
                }
                case NEAR_COPY -> {
                    Generated src = out.get(longStories.get(random.nextInt(longStories.size())));
                    yield new Generated(i, kind, src.index(), src.language(), src.title(), outlet, url,
                            later(src, random), nearCopy(src, random), null);
                }
                case REPRINT -> {
                    Generated src = out.get(stories.get(random.nextInt(stories.size())));
                    Story fresh = story(random, src.language());
                    String passage = passage(src.body(), random);
                    yield new Generated(i, kind, src.index(), fresh.language, fresh.title, outlet, url,
                            later(src, random), insertParagraph(fresh.body, passage, random), passage);
                }
            };
            if (kind == Kind.STORY) {
                stories.add(i);
                if (words(g.body()) >= MIN_WORDS_FOR_NEAR_COPY) {
                    longStories.add(i);
                }
            }
            out.add(g);
        }
        return out;
    }

    /** Exactly round(count × share) of each kind, at random positions after the first 20 (stories). */
    private static List<Kind> kinds(int count, Shares shares, Random random) {
        int lead = Math.min(count, 20);
        int exact = (int) Math.round(count * shares.exactCopy());
        int near = (int) Math.round(count * shares.nearCopy());
        int reprint = (int) Math.round(count * shares.reprint());
        if (exact + near + reprint > count - lead) {
            throw new IllegalArgumentException("too few articles for these shares: at least 20 stories come first");
        }
        List<Kind> rest = new ArrayList<>();
        rest.addAll(Collections.nCopies(exact, Kind.EXACT_COPY));
        rest.addAll(Collections.nCopies(near, Kind.NEAR_COPY));
        rest.addAll(Collections.nCopies(reprint, Kind.REPRINT));
        rest.addAll(Collections.nCopies(count - lead - rest.size(), Kind.STORY));
        Collections.shuffle(rest, random);
        List<Kind> kinds = new ArrayList<>(Collections.nCopies(lead, Kind.STORY));
        kinds.addAll(rest);
        return kinds;
    }

    private record Story(String language, String title, String body) {
    }

    private Story story(Random random) {
        return story(bases.get(random.nextInt(bases.size())), random);
    }

    private Story story(Random random, String language) {
        List<ParsedBase> same = bases.stream().filter(b -> b.language().equals(language)).toList();
        return story(same.isEmpty() ? bases.get(random.nextInt(bases.size())) : same.get(random.nextInt(same.size())),
                random);
    }

    private Story story(ParsedBase base, Random random) {
        List<String> paragraphs = new ArrayList<>();
        for (List<String> p : base.paragraphs()) {
            List<String> sentences = new ArrayList<>();
            for (String s : p) {
                sentences.add(redraw(s, base.language(), random));
            }
            paragraphs.add(String.join(" ", sentences));
        }
        String first = paragraphs.get(0);
        String title = redraw(first.length() > 90 ? first.substring(0, first.lastIndexOf(' ', 90) < 0 ? 90
                : first.lastIndexOf(' ', 90)) : first, base.language(), random);
        return new Story(base.language(), title, String.join("\n\n", paragraphs));
    }

    /** Same shape, new words: lower-case content words from the language's vocabulary, half the names redrawn. */
    private String redraw(String sentence, String language, Random random) {
        List<String> vocab = vocabulary.getOrDefault(language, vocabulary.values().iterator().next());
        Matcher m = TOKEN.matcher(sentence);
        StringBuilder out = new StringBuilder(sentence.length());
        while (m.find()) {
            String w = m.group();
            String replacement = w;
            if (Character.isUpperCase(w.charAt(0))) {
                if (w.length() > 3 && !names.isEmpty() && random.nextDouble() < NAME_REDRAW) {
                    replacement = names.get(random.nextInt(names.size()));
                }
            } else if (w.length() > 3) {
                replacement = vocab.get(random.nextInt(vocab.size()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * One short sentence (at most a twelfth of the words) redrawn, or two words of one sentence when none is that
     * short, and one typo: with at least {@value #MIN_WORDS_FOR_NEAR_COPY} words, Jaccard stays above 0.7.
     */
    private String nearCopy(Generated src, Random random) {
        String[] paragraphs = src.body().split("\n\n");
        int words = words(src.body());
        List<int[]> shortOnes = new ArrayList<>();
        List<int[]> all = new ArrayList<>();
        for (int pi = 0; pi < paragraphs.length; pi++) {
            List<String> s = sentences(paragraphs[pi]);
            for (int si = 0; si < s.size(); si++) {
                all.add(new int[] {pi, si});
                if (words(s.get(si)) * 12 <= words) {
                    shortOnes.add(new int[] {pi, si});
                }
            }
        }
        boolean whole = !shortOnes.isEmpty();
        int[] at = whole ? shortOnes.get(random.nextInt(shortOnes.size())) : all.get(random.nextInt(all.size()));
        List<String> s = sentences(paragraphs[at[0]]);
        s.set(at[1], whole ? redraw(s.get(at[1]), src.language(), random)
                : redrawTwoWords(s.get(at[1]), src.language(), random));
        paragraphs[at[0]] = String.join(" ", s);
        return typo(String.join("\n\n", paragraphs), random);
    }

    private String redrawTwoWords(String sentence, String language, Random random) {
        List<String> vocab = vocabulary.getOrDefault(language, vocabulary.values().iterator().next());
        String[] w = sentence.split(" ");
        for (int k = 0; k < 2; k++) {
            int i = random.nextInt(w.length);
            if (w[i].chars().allMatch(Character::isLetter) && w[i].length() > 3) {
                w[i] = vocab.get(random.nextInt(vocab.size()));
            }
        }
        return String.join(" ", w);
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    /** Swaps two inner letters of one longer word. */
    private static String typo(String text, Random random) {
        Matcher m = Pattern.compile("\\p{L}{6,}").matcher(text);
        List<int[]> words = new ArrayList<>();
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        if (words.isEmpty()) {
            return text;
        }
        int[] w = words.get(random.nextInt(words.size()));
        char[] c = text.toCharArray();
        int p = w[0] + 1 + random.nextInt(w[1] - w[0] - 2);
        char t = c[p];
        c[p] = c[p + 1];
        c[p + 1] = t;
        return new String(c);
    }

    /** Two or three consecutive sentences (at least 25 words, when the story has them). */
    private static String passage(String body, Random random) {
        List<String> all = sentences(body.replace("\n\n", " "));
        int n = Math.min(all.size(), 2 + random.nextInt(2));
        int from = random.nextInt(all.size() - n + 1);
        List<String> chosen = new ArrayList<>(all.subList(from, from + n));
        for (int i = from + n; i < all.size() && String.join(" ", chosen).split("\\s+").length < 25; i++) {
            chosen.add(all.get(i));
        }
        return String.join(" ", chosen);
    }

    private static String insertParagraph(String body, String paragraph, Random random) {
        List<String> paragraphs = new ArrayList<>(Arrays.asList(body.split("\n\n")));
        paragraphs.add(1 + random.nextInt(paragraphs.size()), paragraph);
        return String.join("\n\n", paragraphs);
    }

    private static List<String> sentences(String text) {
        return new ArrayList<>(Arrays.asList(SENTENCE_END.split(text.strip())));
    }

    private static Instant later(Generated src, Random random) {
        return src.publishedAt().plusSeconds(60 + random.nextInt(6 * 3600));
    }
}
