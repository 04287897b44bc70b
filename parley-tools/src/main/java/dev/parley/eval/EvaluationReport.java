package dev.parley.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The evaluation's numbers per language and overall, as a table, JSON, and (on request) every miss. */
public final class EvaluationReport {

    /** Targets of issue 12 (dev set): strict event F1 and participant recall per language, no negative with events. */
    public static final double TARGET_EVENT_F1 = 0.80;
    public static final double TARGET_PARTICIPANT_RECALL = 0.80;

    /** Sums over a set of articles. */
    public record Totals(int articles, int negatives, int goldEvents, int predictedEvents, int matchedEvents,
                         int goldParticipants, int predictedParticipants, int matchedParticipants,
                         int predictedDyads, int spuriousDyads, int negativesWithEvents, int goldCommitments,
                         int predictedCommitments, int matchedCommitments, double meanMillis, double p99Millis) {

        public static Totals of(List<Scoring.ArticleResult> results) {
            int[] t = new int[14];
            long[] nanos = new long[results.size()];
            for (int i = 0; i < results.size(); i++) {
                Scoring.ArticleResult r = results.get(i);
                t[0]++;
                t[1] += r.gold().hasEngagement() ? 0 : 1;
                t[2] += r.gold().events().size();
                t[3] += r.prediction().events().size();
                t[4] += r.matched().size();
                t[5] += r.participantsGold();
                t[6] += r.participantsPredicted();
                t[7] += r.participantsMatched();
                t[8] += (int) r.prediction().events().stream().flatMap(e -> e.dyads().stream()).distinct().count();
                t[9] += r.spuriousDyads().size();
                t[10] += r.negativeWithEvents() ? 1 : 0;
                t[11] += r.gold().commitments().size();
                t[12] += r.prediction().commitments().size();
                t[13] += r.commitmentsMatched();
                nanos[i] = r.prediction().extractionNanos();
            }
            Arrays.sort(nanos);
            double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
            double p99 = nanos.length == 0 ? 0 : nanos[Math.min(nanos.length - 1, (int) Math.ceil(0.99 * nanos.length) - 1)] / 1e6;
            return new Totals(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11], t[12], t[13],
                    mean, p99);
        }

        public double eventPrecision() {
            return ratio(matchedEvents, predictedEvents);
        }

        public double eventRecall() {
            return ratio(matchedEvents, goldEvents);
        }

        public double eventF1() {
            double p = eventPrecision();
            double r = eventRecall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public double participantPrecision() {
            return ratio(matchedParticipants, predictedParticipants);
        }

        public double participantRecall() {
            return ratio(matchedParticipants, goldParticipants);
        }

        /** Nothing predicted of nothing expected is perfect; something of nothing is 0. */
        private static double ratio(int hits, int of) {
            return of == 0 ? (hits == 0 ? 1.0 : 0.0) : (double) hits / of;
        }
    }

    private final ExtractionEvaluation.Outcome outcome;
    private final Map<String, Totals> columns = new LinkedHashMap<>();

    public EvaluationReport(ExtractionEvaluation.Outcome outcome) {
        this.outcome = outcome;
        outcome.byLanguage().forEach((lang, results) -> columns.put(lang, Totals.of(results)));
        columns.put("all", Totals.of(outcome.articles()));
    }

    public Map<String, Totals> columns() {
        return columns;
    }

    /**
     * Every article was scored, every language has gold events and meets the targets, and no negative article yields
     * an event.
     */
    public boolean targetsMet() {
        return !outcome.articles().isEmpty() && outcome.skipped().isEmpty() && columns.entrySet().stream().filter(e -> !e.getKey().equals("all"))
                .allMatch(e -> e.getValue().goldEvents() > 0 && e.getValue().eventF1() >= TARGET_EVENT_F1
                        && e.getValue().participantRecall() >= TARGET_PARTICIPANT_RECALL
                        && e.getValue().negativesWithEvents() == 0);
    }

    public void printTable(PrintWriter out) {
        List<String> names = new ArrayList<>(columns.keySet());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-28s", "extraction vs gold"));
        names.forEach(n -> header.append(String.format(Locale.ROOT, "%14s", n)));
        out.println(header);
        row(out, "articles (negatives)", t -> t.articles() + " (" + t.negatives() + ")");
        row(out, "events gold/pred/matched", t -> t.goldEvents() + "/" + t.predictedEvents() + "/" + t.matchedEvents());
        row(out, "event precision", t -> f(t.eventPrecision()));
        row(out, "event recall", t -> f(t.eventRecall()));
        row(out, "event F1 (strict)", t -> f(t.eventF1()));
        row(out, "people gold/pred/matched",
                t -> t.goldParticipants() + "/" + t.predictedParticipants() + "/" + t.matchedParticipants());
        row(out, "participant precision", t -> f(t.participantPrecision()));
        row(out, "participant recall", t -> f(t.participantRecall()));
        row(out, "spurious dyads / predicted", t -> t.spuriousDyads() + "/" + t.predictedDyads());
        row(out, "negatives with events", t -> t.negativesWithEvents() + "/" + t.negatives());
        row(out, "commitments matched/gold", t -> t.matchedCommitments() + "/" + t.goldCommitments()
                + " (" + t.predictedCommitments() + " pred)");
        row(out, "extraction ms mean / p99", t -> String.format(Locale.ROOT, "%.0f / %.0f", t.meanMillis(), t.p99Millis()));
        for (ExtractionEvaluation.Skipped s : outcome.skipped()) {
            out.println("NOT SCORED " + s.gold().reference() + " (" + s.gold().file() + ":" + s.gold().line() + "): "
                    + s.reason());
        }
        long reserved = outcome.articles().stream().filter(a -> !a.gold().inDevelopmentPart()).count();
        if (reserved > 0) {
            out.println("NOTE " + reserved + " article(s) outside the development parts of their sources "
                    + "(reserved for the final evaluation)");
        }
        out.printf(Locale.ROOT, "targets (per language: event F1 >= %.2f, participant recall >= %.2f, no negative "
                + "with events): %s%n", TARGET_EVENT_F1, TARGET_PARTICIPANT_RECALL, targetsMet() ? "met" : "NOT met");
    }

    private void row(PrintWriter out, String label, java.util.function.Function<Totals, String> cell) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", label));
        // A cell wider than its column still keeps one space from the one before it.
        columns.values().forEach(t -> line.append(String.format(Locale.ROOT, " %13s", cell.apply(t))));
        out.println(line);
    }

    /** Every missed gold event, false positive, missed or extra person, spurious dyad and missed commitment. */
    public void printDetails(PrintWriter out) {
        for (Scoring.ArticleResult r : outcome.articles()) {
            List<String> lines = new ArrayList<>();
            List<GoldArticle.Event> gold = r.gold().events();
            List<Prediction.Event> pred = r.prediction().events();
            for (Scoring.Miss m : r.missed()) {
                GoldArticle.Event g = gold.get(m.gold());
                String nearest = m.nearest() == null ? "no prediction"
                        : "nearest " + describe(pred.get(m.nearest())) + " fails " + m.failed();
                lines.add("  MISSED   " + describe(g) + evidence(r, g.evidence()) + "; " + nearest);
            }
            for (int j : r.falsePositives()) {
                Prediction.Event p = pred.get(j);
                lines.add("  FALSE+   " + describe(p) + (p.evidence().isEmpty() ? "" : evidence(r, p.evidence().get(0))));
            }
            r.missedPeople().forEach(p -> lines.add("  NAMED-   " + p.name() + " (" + p.country() + ")"));
            r.extraPeople().forEach(p -> lines.add("  NAMED+   " + p.name() + " (" + p.country() + ")"));
            if (!r.spuriousDyads().isEmpty()) {
                lines.add("  DYADS+   " + new java.util.TreeSet<>(r.spuriousDyads()));
            }
            for (int i : r.missedCommitments()) {
                GoldArticle.Commitment c = r.gold().commitments().get(i);
                lines.add("  COMMIT-  " + c.what() + " parties " + new java.util.TreeSet<>(c.parties()) + " due " + c.due()
                        + evidence(r, c.evidence()));
            }
            for (int j : r.extraCommitments()) {
                Prediction.Commitment c = r.prediction().commitments().get(j);
                lines.add("  COMMIT+  " + c.description() + " countries " + new java.util.TreeSet<>(c.countries())
                        + " due " + c.due());
            }
            if (!lines.isEmpty()) {
                boolean sameDate = r.text() == null || r.text().published().equals(r.gold().published());
                out.println(r.gold().reference() + " (" + r.gold().language() + ", published "
                        + (r.text() == null ? r.gold().published() : r.text().published())
                        + (sameDate ? "" : ", label says " + r.gold().published())
                        + (r.gold().hasEngagement() ? "" : ", negative") + ")");
                lines.forEach(out::println);
            }
        }
    }

    private static String describe(GoldArticle.Event g) {
        String date = g.date() != null ? g.date().toString() : g.undated() ? "undated"
                : g.dateFrom() + ".." + g.dateTo();
        return g.kind() + " " + String.join("-", new java.util.TreeSet<>(g.countries())) + " " + date;
    }

    private static String describe(Prediction.Event p) {
        return p.kind() + new java.util.TreeSet<>(p.kinds()) + " " + String.join("-", new java.util.TreeSet<>(p.countries())) + " " + p.date()
                + (p.named().isEmpty() ? "" : " " + p.named().stream().map(Prediction.Named::name).toList());
    }

    private static String evidence(Scoring.ArticleResult r, GoldArticle.Evidence e) {
        return e == null ? "" : evidence(r, new int[]{e.start(), e.end()});
    }

    private static String evidence(Scoring.ArticleResult r, int[] span) {
        return " @[" + span[0] + "," + span[1] + ") \"" + r.text().excerpt(span[0], span[1], 90) + "\"";
    }

    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> byColumn = new LinkedHashMap<>();
        columns.forEach((name, t) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("articles", t.articles());
            c.put("negatives", t.negatives());
            c.put("events", Map.of("gold", t.goldEvents(), "predicted", t.predictedEvents(), "matched",
                    t.matchedEvents(), "precision", round(t.eventPrecision()), "recall", round(t.eventRecall()),
                    "f1", round(t.eventF1())));
            c.put("participants", Map.of("gold", t.goldParticipants(), "predicted", t.predictedParticipants(),
                    "matched", t.matchedParticipants(), "precision", round(t.participantPrecision()),
                    "recall", round(t.participantRecall())));
            c.put("spuriousDyads", t.spuriousDyads());
            c.put("predictedDyads", t.predictedDyads());
            c.put("negativesWithEvents", t.negativesWithEvents());
            c.put("commitments", Map.of("gold", t.goldCommitments(), "predicted", t.predictedCommitments(),
                    "matched", t.matchedCommitments()));
            c.put("extractionMillis", Map.of("mean", round(t.meanMillis()), "p99", round(t.p99Millis())));
            byColumn.put(name, c);
        });
        root.put("languages", byColumn);
        root.put("targetsMet", targetsMet());
        root.put("outsideDevelopmentParts", outcome.articles().stream().filter(a -> !a.gold().inDevelopmentPart())
                .map(a -> a.gold().reference()).toList());
        root.put("notScored", outcome.skipped().stream().map(s -> Map.of("article", s.gold().reference(),
                "reason", s.reason())).toList());
        List<Object> articles = new ArrayList<>();
        for (Scoring.ArticleResult r : outcome.articles()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("article", r.gold().reference());
            a.put("language", r.gold().language());
            a.put("goldEvents", r.gold().events().size());
            a.put("predictedEvents", r.prediction().events().size());
            a.put("matched", r.matched().stream().map(p -> List.of(p.gold(), p.predicted())).toList());
            a.put("missed", r.missed().stream().map(m -> Map.of("gold", m.gold(), "failed", m.failed())).toList());
            a.put("falsePositives", r.falsePositives().stream().map(j -> {
                Prediction.Event p = r.prediction().events().get(j);
                Map<String, Object> fp = new LinkedHashMap<>();
                fp.put("kind", p.kind());
                fp.put("countries", new java.util.TreeSet<>(p.countries()));
                fp.put("date", String.valueOf(p.date()));
                fp.put("evidence", p.evidence());
                return fp;
            }).toList());
            a.put("spuriousDyads", new java.util.TreeSet<>(r.spuriousDyads()));
            articles.add(a);
        }
        root.put("articles", articles);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
