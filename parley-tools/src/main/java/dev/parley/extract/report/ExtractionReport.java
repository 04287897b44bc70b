package dev.parley.extract.report;

import dev.parley.engagement.Commitment;
import dev.parley.engagement.EngagementEvent;
import dev.parley.engagement.EngagementMerger;
import dev.parley.engagement.EngagementState;
import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.Gazetteer;
import dev.parley.extract.Participant;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Precision and recall of events, actors and commitments for a corpus folder against an expected-facts file.
 * An extracted event matches an expected one when it has the kind (primary or among its kinds), the same date and
 * precision, all expected participants (an organisation also counts for its parent) and no other person.
 * A commitment matches on due date + precision (and place, when expected).
 */
public final class ExtractionReport {

    public record Score(int expected, int extracted, int matched) {
        public double precision() {
            return extracted == 0 ? (expected == 0 ? 1.0 : 0.0) : (double) matched / extracted;
        }

        public double recall() {
            return expected == 0 ? 1.0 : (double) matched / expected;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P=%.2f R=%.2f (matched %d, extracted %d, expected %d)",
                    precision(), recall(), matched, extracted, expected);
        }
    }

    public record Result(Score events, Score actors, Score commitments, double topicRecall, double sourceRecall,
                         double commitmentSourceRecall, Map<String, List<String>> missingSources,
                         Map<String, String> eventMatches, List<String> unmatchedExtracted, EngagementState state,
                         List<ArticleFacts> facts, IngestedCorpus corpus) {

        /** The facts of the article with this key (file name without extension, item suffix kept). */
        public ArticleFacts factsOf(String key) {
            String id = corpus.byKey(key).articleId();
            return facts.stream().filter(f -> f.articleId().equals(id)).findFirst().orElseThrow();
        }

        /** The keys of the articles that report an event or a commitment. */
        public Set<String> keys(Set<String> articleIds) {
            return ExtractionReport.keys(corpus, articleIds);
        }
    }

    private final ArticleExtractor extractor;
    private final EngagementMerger merger;
    private final Gazetteer gazetteer;

    public ExtractionReport(ArticleExtractor extractor) {
        this.extractor = extractor;
        this.gazetteer = extractor.gazetteer();
        this.merger = new EngagementMerger(extractor.ontology(), gazetteer);
    }

    public Result run(Path corpusDir, Path expectedFile) {
        ExpectedFacts expected = ExpectedFacts.read(expectedFile);
        IngestedCorpus corpus = IngestedCorpus.read(corpusDir);
        List<ArticleFacts> facts = corpus.articles().stream().map(extractor::extract).toList();
        EngagementState state = merger.merge(facts);
        return score(expected, corpus, facts, state);
    }

    public Result score(ExpectedFacts expected, IngestedCorpus corpus, List<ArticleFacts> facts, EngagementState state) {
        Map<String, String> matches = new LinkedHashMap<>();
        Map<String, List<String>> missingSources = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        int topicHits = 0;
        int topicTotal = 0;
        int sourceHits = 0;
        int sourceTotal = 0;
        for (ExpectedFacts.Event e : expected.events()) {
            for (EngagementEvent x : state.events()) {
                if (!used.contains(x.eventId()) && eventMatches(e, x)) {
                    used.add(x.eventId());
                    matches.put(e.id(), x.eventId());
                    Set<String> reported = keys(corpus, x.articleIds());
                    topicHits += (int) e.topics().stream().filter(x.topics()::contains).count();
                    sourceHits += (int) e.sources().stream().filter(reported::contains).count();
                    List<String> missing = e.sources().stream().filter(src -> !reported.contains(src)).toList();
                    if (!missing.isEmpty()) {
                        missingSources.put(e.id(), missing);
                    }
                    break;
                }
            }
            topicTotal += e.topics().size();
            sourceTotal += e.sources().size();
        }
        List<String> unmatched = state.events().stream().filter(x -> !used.contains(x.eventId()))
                .map(x -> describe(x, corpus)).toList();
        Score events = new Score(expected.events().size(), state.events().size(), matches.size());

        Set<String> extractedActors = new TreeSet<>();
        facts.forEach(f -> extractedActors.addAll(f.actorIds()));
        extractedActors.removeIf(id -> id.contains("/"));
        Set<String> expectedActors = new TreeSet<>(expected.actors());
        int actorHits = (int) expectedActors.stream().filter(extractedActors::contains).count();
        Score actors = new Score(expectedActors.size(), extractedActors.size(), actorHits);

        Set<String> usedC = new HashSet<>();
        int cHits = 0;
        int cSourceHits = 0;
        int cSourceTotal = 0;
        for (ExpectedFacts.CommitmentFact c : expected.commitments()) {
            for (Commitment x : state.commitments()) {
                if (!usedC.contains(x.commitmentId()) && Objects.equals(c.dueDate(), x.dueDate())
                        && (c.place() == null || c.place().equals(x.placeId()))) {
                    usedC.add(x.commitmentId());
                    cHits++;
                    Set<String> reported = keys(corpus, x.articleIds());
                    cSourceHits += (int) c.sources().stream().filter(reported::contains).count();
                    List<String> missing = c.sources().stream().filter(src -> !reported.contains(src)).toList();
                    if (!missing.isEmpty()) {
                        missingSources.put(c.id(), missing);
                    }
                    break;
                }
            }
        }
        Score commitments = new Score(expected.commitments().size(), state.commitments().size(), cHits);
        cSourceTotal = expected.commitments().stream().mapToInt(c -> c.sources().size()).sum();
        return new Result(events, actors, commitments, topicTotal == 0 ? 1 : (double) topicHits / topicTotal,
                sourceTotal == 0 ? 1 : (double) sourceHits / sourceTotal,
                cSourceTotal == 0 ? 1 : (double) cSourceHits / cSourceTotal, missingSources, matches, unmatched, state,
                facts, corpus);
    }

    private static Set<String> keys(IngestedCorpus corpus, Set<String> articleIds) {
        Set<String> out = new TreeSet<>();
        articleIds.forEach(id -> out.add(corpus.keyOf(id)));
        return out;
    }

    private boolean eventMatches(ExpectedFacts.Event e, EngagementEvent x) {
        boolean kind = x.kind().name().equals(e.kind()) || x.kinds().stream().anyMatch(k -> k.name().equals(e.kind()));
        if (!kind || !Objects.equals(e.date(), x.date())) {
            return false;
        }
        Set<String> ids = new HashSet<>();
        for (Participant p : x.participants()) {
            ids.add(p.actorId());
            gazetteer.actor(p.actorId()).map(a -> a.parentOrg()).filter(Objects::nonNull)
                    .filter(parent -> p.type() != dev.parley.extract.ActorType.PERSON).ifPresent(ids::add);
        }
        boolean all = ids.containsAll(e.participants());
        boolean noOtherPerson = x.participants().stream()
                .filter(p -> p.type() == dev.parley.extract.ActorType.PERSON)
                .allMatch(p -> e.participants().contains(p.actorId()));
        return all && noOtherPerson;
    }

    public static String describe(EngagementEvent e, IngestedCorpus corpus) {
        List<String> ps = new ArrayList<>();
        e.participants().forEach(p -> ps.add(p.actorId() + (p.role() == Participant.Role.PARTICIPANT ? "" : ":" + p.role())));
        return e.kind() + " " + e.kinds() + " " + e.date() + " (" + e.date().precision() + ", " + e.dateBasis() + ") "
                + ps + " topics=" + e.topics() + " sources=" + keys(corpus, e.articleIds());
    }

    public void print(Result r, PrintWriter out) {
        out.println("events       " + r.events());
        out.println("actors       " + r.actors());
        out.println("commitments  " + r.commitments());
        out.printf(Locale.ROOT, "topic recall on matched events %.2f, event source recall %.2f, commitment source recall %.2f%n",
                r.topicRecall(), r.sourceRecall(), r.commitmentSourceRecall());
        r.missingSources().forEach((k, v) -> out.println("  " + k + " misses sources " + v));
        r.eventMatches().forEach((k, v) -> out.println("  " + k + " -> " + v));
        for (EngagementEvent e : r.state().events()) {
            out.println("  event " + e.eventId() + " " + describe(e, r.corpus()));
        }
        for (Commitment c : r.state().commitments()) {
            out.println("  commitment " + c.commitmentId() + " '" + c.description() + "' due " + c.dueDate() + " "
                    + (c.dueDate() == null ? "" : c.dueDate().precision()) + " at " + c.placeId() + " parties "
                    + c.parties() + " agreed at " + c.agreedAtEventId() + " " + c.status() + " sources "
                    + r.keys(c.articleIds()));
        }
        r.unmatchedExtracted().forEach(u -> out.println("  UNMATCHED " + u));
        r.corpus().rejected().forEach(u -> out.println("  REJECTED BY INGEST " + u));
    }
}
