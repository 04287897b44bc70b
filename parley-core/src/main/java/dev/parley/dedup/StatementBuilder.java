package dev.parley.dedup;

import dev.parley.text.Hashing;
import dev.parley.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups pairwise passage matches into statements. In each article, matched spans closer than
 * {@link DedupConfig#regionGap()} words merge into one region (a communiqué quoted paragraph by paragraph with
 * short attributions in between is one region); regions linked by a match are one statement (connected
 * components). The result is a pure function of the articles and matches given, whatever their order.
 */
public final class StatementBuilder {

    static final String REGION_SEPARATOR = " […] ";

    private final DedupConfig config;

    public StatementBuilder(DedupConfig config) {
        this.config = config;
    }

    private record Span(int wordStart, int wordEnd, int matchIndex) {
    }

    private static final class Region {
        final String articleId;
        int wordStart;
        int wordEnd;
        double similarity;

        Region(String articleId, int wordStart, int wordEnd) {
            this.articleId = articleId;
            this.wordStart = wordStart;
            this.wordEnd = wordEnd;
        }
    }

    public List<Statement> build(Map<String, AnalyzedArticle> articles, List<PassageMatch> matches) {
        Map<String, List<Span>> spansByArticle = new TreeMap<>();
        for (int m = 0; m < matches.size(); m++) {
            PassageMatch pm = matches.get(m);
            spansByArticle.computeIfAbsent(pm.articleA(), x -> new ArrayList<>())
                    .add(new Span(pm.wordStartA(), pm.wordEndA(), m));
            spansByArticle.computeIfAbsent(pm.articleB(), x -> new ArrayList<>())
                    .add(new Span(pm.wordStartB(), pm.wordEndB(), m));
        }
        List<Region> regions = new ArrayList<>();
        Map<String, Integer> regionOfEnd = new HashMap<>(); // "match#article" -> region index
        for (Map.Entry<String, List<Span>> e : spansByArticle.entrySet()) {
            List<Span> spans = new ArrayList<>(e.getValue());
            spans.sort(Comparator.comparingInt(Span::wordStart).thenComparingInt(Span::wordEnd));
            Region current = null;
            for (Span s : spans) {
                if (current == null || s.wordStart() - current.wordEnd - 1 > config.regionGap()) {
                    current = new Region(e.getKey(), s.wordStart(), s.wordEnd());
                    regions.add(current);
                } else {
                    current.wordEnd = Math.max(current.wordEnd, s.wordEnd());
                }
                current.similarity = Math.max(current.similarity, matches.get(s.matchIndex()).similarity());
                regionOfEnd.put(s.matchIndex() + "#" + e.getKey(), regions.size() - 1);
            }
        }
        int[] parent = new int[regions.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int m = 0; m < matches.size(); m++) {
            PassageMatch pm = matches.get(m);
            union(parent, regionOfEnd.get(m + "#" + pm.articleA()), regionOfEnd.get(m + "#" + pm.articleB()));
        }
        Map<Integer, List<Region>> components = new LinkedHashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            components.computeIfAbsent(find(parent, i), x -> new ArrayList<>()).add(regions.get(i));
        }
        List<Statement> statements = new ArrayList<>();
        for (List<Region> component : components.values()) {
            statements.add(toStatement(articles, component));
        }
        statements.sort(Comparator.comparing(Statement::id));
        return statements;
    }

    private Statement toStatement(Map<String, AnalyzedArticle> articles, List<Region> component) {
        Comparator<Region> order = Comparator
                .comparingLong((Region r) -> articles.get(r.articleId).publishedAtMillis())
                .thenComparing(r -> r.articleId)
                .thenComparingInt(r -> r.wordStart);
        component.sort(order);
        AnalyzedArticle canonical = articles.get(component.get(0).articleId);
        List<String> pieces = new ArrayList<>();
        List<Reprint> reprints = new ArrayList<>();
        Map<String, Integer> wordsByArticle = new LinkedHashMap<>();
        for (Region r : component) {
            AnalyzedArticle art = articles.get(r.articleId);
            int charStart = art.words().start(r.wordStart);
            int charEnd = art.words().end(r.wordEnd);
            reprints.add(new Reprint(r.articleId, charStart, charEnd, r.similarity));
            wordsByArticle.merge(r.articleId, r.wordEnd - r.wordStart + 1, Integer::sum);
            if (art == canonical) {
                pieces.add(art.text().substring(charStart, charEnd));
            }
        }
        String canonicalText = String.join(REGION_SEPARATOR, pieces);
        String id = String.format("st-%016x",
                Hashing.hash64(canonical.id() + "\n" + TextNormalizer.normalize(canonicalText)));
        List<MeterLabel> labels = new ArrayList<>();
        wordsByArticle.forEach((articleId, words) -> {
            double share = Math.min(1.0, (double) words / articles.get(articleId).words().size());
            share = Math.round(share * 1000) / 1000.0;
            labels.add(new MeterLabel(articleId, id, MeterLabel.classify(share), share,
                    articleId.equals(canonical.id())));
        });
        return new Statement(id, canonical.id(), canonicalText, canonical.publishedAtMillis(),
                List.copyOf(reprints), List.copyOf(labels));
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
