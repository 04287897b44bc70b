package dev.parley.dedup;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How many independent sources report a story once reprints are collapsed (GDELT counts every reprint as a
 * mention). An exact or near copy collapses onto its canonical; an article wholly derived from a statement
 * collapses onto the statement's canonical article. Partial derivation does not collapse: the article adds
 * reporting of its own.
 */
public final class IndependentOrigins {

    private IndependentOrigins() {
    }

    public static int count(Collection<String> storyArticleIds,
                            Function<String, Optional<ArticleDecision>> decisions,
                            Collection<Statement> statements) {
        Map<String, String> parent = new HashMap<>();
        Set<String> story = new TreeSet<>(storyArticleIds);
        for (String id : story) {
            decisions.apply(id).filter(d -> d.kind().isCopy()).ifPresent(d -> union(parent, id, d.canonicalId()));
        }
        for (Statement s : statements) {
            for (MeterLabel label : s.labels()) {
                if (label.derivation() == MeterLabel.Derivation.WHOLLY && story.contains(label.articleId())) {
                    union(parent, label.articleId(), s.canonicalArticleId());
                }
            }
        }
        Set<String> roots = new TreeSet<>();
        for (String id : story) {
            roots.add(find(parent, id));
        }
        return roots.size();
    }

    private static String find(Map<String, String> parent, String x) {
        String root = x;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            // Smaller id as root: the count does not depend on the order of unions.
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }
}
