package dev.parley.dedup.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes edited copies of a text by controlled edits, at a random strength, so that the similarity of variant
 * pairs spreads over the whole range around any threshold: inserted and deleted sentences, reordered paragraphs,
 * added boilerplate, a changed headline, typos.
 */
public final class VariantGenerator {

    public enum Edit { INSERT_SENTENCES, DELETE_SENTENCES, REORDER_PARAGRAPHS, ADD_BOILERPLATE, CHANGE_HEADLINE, TYPOS }

    // Generic wire furniture, written for this generator.
    private static final String[] BOILERPLATE = {
        "Subscribe to our newsletter for the latest updates.",
        "This story has been corrected to fix a spelling error.",
        "Reporting by staff correspondents; editing by the news desk.",
        "All rights reserved. Redistribution without permission is prohibited.",
        "Follow us on social media for more coverage.",
        "Contenido exclusivo para suscriptores.",
        "Con información de agencias.",
    };
    private static final String[] HEADLINE_WORDS = {
        "update", "markets", "officials", "report", "talks", "analysis", "breaking", "week", "review", "outlook",
    };

    private final Random random;

    public VariantGenerator(long seed) {
        this.random = new Random(seed);
    }

    public record Variant(String text, List<Edit> edits, double strength) {
    }

    /** One variant of {@code text}; {@code donor} supplies inserted sentences. */
    public Variant variant(String text, String donor) {
        double strength = random.nextDouble() * 0.6;
        List<Edit> all = new ArrayList<>(Arrays.asList(Edit.values()));
        java.util.Collections.shuffle(all, random);
        List<Edit> edits = all.subList(0, 1 + random.nextInt(3));
        String out = text;
        for (Edit e : edits) {
            out = apply(e, out, donor, strength);
        }
        return new Variant(out, List.copyOf(edits), strength);
    }

    private String apply(Edit edit, String text, String donor, double strength) {
        return switch (edit) {
            case INSERT_SENTENCES -> insertSentences(text, donor, strength);
            case DELETE_SENTENCES -> deleteSentences(text, strength);
            case REORDER_PARAGRAPHS -> reorderParagraphs(text);
            case ADD_BOILERPLATE -> addBoilerplate(text, strength);
            case CHANGE_HEADLINE -> changeHeadline(text);
            case TYPOS -> typos(text, strength * 0.3);
        };
    }

    private static List<String> sentences(String text) {
        return new ArrayList<>(Arrays.asList(text.split("(?<=[.!?])\\s+")));
    }

    private String insertSentences(String text, String donor, double strength) {
        List<String> s = sentences(text);
        List<String> d = sentences(donor);
        int n = Math.max(1, (int) Math.round(s.size() * strength));
        for (int i = 0; i < n; i++) {
            s.add(random.nextInt(s.size() + 1), d.get(random.nextInt(d.size())));
        }
        return String.join(" ", s);
    }

    private String deleteSentences(String text, double strength) {
        List<String> s = sentences(text);
        int n = Math.min(s.size() - 1, (int) Math.round(s.size() * strength));
        for (int i = 0; i < n; i++) {
            s.remove(random.nextInt(s.size()));
        }
        return String.join(" ", s);
    }

    private String reorderParagraphs(String text) {
        List<String> p = new ArrayList<>(Arrays.asList(text.split("\\n\\s*")));
        if (p.size() < 2) {
            p = sentences(text);
        }
        if (p.size() >= 2) {
            int a = random.nextInt(p.size());
            int b = random.nextInt(p.size());
            java.util.Collections.swap(p, a, b);
        }
        return String.join("\n", p);
    }

    private String addBoilerplate(String text, double strength) {
        StringBuilder sb = new StringBuilder(text);
        int n = 1 + (int) Math.round(strength * 4);
        for (int i = 0; i < n; i++) {
            sb.append('\n').append(BOILERPLATE[random.nextInt(BOILERPLATE.length)]);
        }
        return sb.toString();
    }

    private String changeHeadline(String text) {
        int nl = text.indexOf('\n');
        String body = nl >= 0 ? text.substring(nl + 1) : text;
        StringBuilder headline = new StringBuilder();
        for (int i = 0; i < 3 + random.nextInt(4); i++) {
            headline.append(HEADLINE_WORDS[random.nextInt(HEADLINE_WORDS.length)]).append(' ');
        }
        return headline.toString().strip().toUpperCase() + "\n" + body;
    }

    private String typos(String text, double rate) {
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.length() > 3 && random.nextDouble() < rate) {
                int p = 1 + random.nextInt(w.length() - 2);
                char[] c = w.toCharArray();
                char t = c[p];
                c[p] = c[p - 1];
                c[p - 1] = t;
                words[i] = new String(c);
            }
        }
        return String.join(" ", words);
    }
}
