package dev.parley.dedup.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A synthetic stream of articles for throughput measurements, made from real text by controlled edits.
 *
 * <p>Most items are <em>new stories</em>: a base text whose every word longer than three letters is replaced by a
 * pseudo-word of the same length, consistently within the story. That keeps the shape of real news (sentence and
 * paragraph lengths, short function words shared by all stories, so common-phrase noise stays) while making
 * stories as distinct as unrelated articles are; without it a few dozen bases would turn every article into a
 * copy of every other. The other items are {@link VariantGenerator} edits of an earlier story, some with sentences
 * inserted from another story: near-identical copies and reprinted passages, at a chosen share.
 */
public final class BenchCorpus {

    public record Item(String title, String body, Instant publishedAt, int story, boolean variant) {
    }

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzáéíóúñ";

    private BenchCorpus() {
    }

    /**
     * @param bases     real texts to start from (bodies only)
     * @param count     number of items
     * @param copyShare share of items that are variants of an earlier story, in [0, 1)
     * @param start     earliest story time; stories are spread uniformly over {@code span}, variants within a day of
     *                  their story
     */
    public static List<Item> generate(List<String> bases, int count, double copyShare, Instant start, Duration span,
                                      long seed) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("no base texts");
        }
        Random random = new Random(seed);
        VariantGenerator variants = new VariantGenerator(seed + 1);
        List<Item> stories = new ArrayList<>();
        List<Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (!stories.isEmpty() && random.nextDouble() < copyShare) {
                Item story = stories.get(random.nextInt(stories.size()));
                Item donor = stories.get(random.nextInt(stories.size()));
                String text = variants.variant(story.body(), donor.body()).text();
                Instant at = story.publishedAt().plus(Duration.ofMinutes(random.nextInt(48 * 60) - 24 * 60));
                items.add(new Item(story.title(), text, at, story.story(), true));
            } else {
                int storyId = stories.size();
                long key = seed * 0x9E3779B97F4A7C15L + storyId;
                String base = bases.get(random.nextInt(bases.size()));
                Instant at = start.plusSeconds((long) (random.nextDouble() * span.toSeconds()));
                Item story = new Item(cipher("story " + storyId + " update", key), cipher(base, key), at, storyId,
                        false);
                stories.add(story);
                items.add(story);
            }
        }
        return items;
    }

    /**
     * A 19-word wire dateline and agency credit, the same in every article of a feed: lower-case content words
     * enough to pass the passage filters, so only common-phrase suppression keeps it from becoming a statement.
     */
    public static final String SHARED_DATELINE = "Agencia Meridiano, servicio internacional: despacho distribuido a "
            + "los abonados del servicio informativo para su publicación inmediata y sin cambios.";

    /**
     * The syndicated-boilerplate case: each item cut to its leading paragraphs (at least one, at most
     * {@code maxWords} words when more than one; 0 keeps the whole text) and, when {@code dateline} is not null,
     * that dateline as a first paragraph of its own.
     */
    public static List<Item> small(List<Item> items, int maxWords, String dateline) {
        List<Item> out = new ArrayList<>(items.size());
        for (Item item : items) {
            String body = item.body();
            if (maxWords > 0) {
                StringBuilder kept = new StringBuilder();
                int words = 0;
                for (String paragraph : body.split("\n\\s*\n")) {
                    int n = paragraph.isBlank() ? 0 : paragraph.strip().split("\\s+").length;
                    if (kept.length() > 0 && words + n > maxWords) {
                        break;
                    }
                    if (n > 0) {
                        kept.append(kept.length() == 0 ? "" : "\n\n").append(paragraph.strip());
                        words += n;
                    }
                }
                body = kept.toString();
            }
            if (dateline != null) {
                body = dateline + "\n\n" + body;
            }
            out.add(new Item(item.title(), body, item.publishedAt(), item.story(), item.variant()));
        }
        return out;
    }

    /** Replaces every word longer than three letters by a pseudo-word fixed by (key, word). */
    static String cipher(String text, long key) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String word = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(word.length() <= 3 ? word : pseudoWord(word, key)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String pseudoWord(String word, long key) {
        String lower = word.toLowerCase(Locale.ROOT);
        SplittableRandom r = new SplittableRandom(key ^ (lower.hashCode() * 0xC2B2AE3D27D4EB4FL));
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = LETTERS.charAt(r.nextInt(LETTERS.length()));
            sb.append(Character.isUpperCase(word.charAt(i)) ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }
}
