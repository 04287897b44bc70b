package dev.parley.eval;

import dev.parley.extract.Folding;
import dev.parley.extract.ResolvedDate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The matching rules of the real-text evaluation, as pure functions of one article's gold labels and prediction.
 * <ul>
 *   <li>An event matches strictly when its country set equals the gold one (same dyad), the gold kind is its kind or
 *       among its kinds, and its date lies within one day of the gold date (or of the gold window; an undated gold
 *       event: of the article's date). A week- or month-precise prediction must lie wholly inside that window.</li>
 *   <li>Matching is one to one and greedy: every strictly matching pair is scored (closer date, shared named
 *       participants, overlapping evidence, same primary kind rank higher) and pairs are taken best first.</li>
 *   <li>Named participants are pooled per article (each distinct person or named body once); a gold name matches a
 *       predicted one when the folded names are equal or one's words are all in the other's and include a word other
 *       than the longer name's first (a surname: "Shultz" is "George Shultz", "Barack" is not "Barack Obama"), and
 *       the countries agree when both are known.</li>
 *   <li>A spurious dyad is a predicted dyad that no gold event of the article has.</li>
 *   <li>A gold commitment is matched when an unused predicted commitment has exactly its parties' countries.</li>
 * </ul>
 */
public final class Scoring {

    private Scoring() {
    }

    public record Pair(int gold, int predicted) {
    }

    /** A gold event no prediction matched, with the nearest prediction and the rules it failed ("dyad", ...). */
    public record Miss(int gold, Integer nearest, List<String> failed) {
    }

    public record ArticleResult(GoldArticle gold, SourceText text, Prediction prediction, List<Pair> matched,
                                List<Miss> missed, List<Integer> falsePositives, int participantsGold,
                                int participantsPredicted, int participantsMatched,
                                List<GoldArticle.Person> missedPeople, List<Prediction.Named> extraPeople,
                                Set<String> spuriousDyads, int commitmentsMatched, List<Integer> missedCommitments,
                                List<Integer> extraCommitments) {

        public boolean negativeWithEvents() {
            return !gold.hasEngagement() && !prediction.events().isEmpty();
        }
    }

    public static ArticleResult score(GoldArticle gold, SourceText text, Prediction p) {
        List<GoldArticle.Event> g = gold.events();
        List<Prediction.Event> x = p.events();
        record Candidate(int gold, int predicted, double score) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            for (int j = 0; j < x.size(); j++) {
                if (failures(g.get(i), x.get(j), gold.published()).isEmpty()) {
                    candidates.add(new Candidate(i, j, pairScore(g.get(i), x.get(j), gold.published())));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::gold)
                .thenComparingInt(Candidate::predicted));
        boolean[] goldUsed = new boolean[g.size()];
        boolean[] predUsed = new boolean[x.size()];
        List<Pair> matched = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!goldUsed[c.gold] && !predUsed[c.predicted]) {
                goldUsed[c.gold] = true;
                predUsed[c.predicted] = true;
                matched.add(new Pair(c.gold, c.predicted));
            }
        }
        matched.sort(Comparator.comparingInt(Pair::gold));
        List<Miss> missed = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            if (!goldUsed[i]) {
                missed.add(nearest(i, g.get(i), x, gold.published()));
            }
        }
        List<Integer> falsePositives = new ArrayList<>();
        for (int j = 0; j < x.size(); j++) {
            if (!predUsed[j]) {
                falsePositives.add(j);
            }
        }

        List<GoldArticle.Person> goldPeople = distinctGoldPeople(g);
        List<Prediction.Named> predPeople = distinctPredictedPeople(x);
        boolean[] personUsed = new boolean[predPeople.size()];
        List<GoldArticle.Person> missedPeople = new ArrayList<>();
        int peopleMatched = 0;
        for (GoldArticle.Person person : goldPeople) {
            int found = -1;
            for (int pass = 0; pass < 2 && found < 0; pass++) {
                for (int j = 0; j < predPeople.size() && found < 0; j++) {
                    Prediction.Named n = predPeople.get(j);
                    boolean names = pass == 0 ? fold(person.name()).equals(fold(n.name())) : sameName(person.name(), n.name());
                    if (!personUsed[j] && names && countriesAgree(person.country(), n.country())) {
                        found = j;
                    }
                }
            }
            if (found >= 0) {
                personUsed[found] = true;
                peopleMatched++;
            } else {
                missedPeople.add(person);
            }
        }
        List<Prediction.Named> extraPeople = new ArrayList<>();
        for (int j = 0; j < predPeople.size(); j++) {
            if (!personUsed[j]) {
                extraPeople.add(predPeople.get(j));
            }
        }

        Set<String> goldDyads = new TreeSet<>();
        g.forEach(e -> goldDyads.addAll(dyads(e.countries())));
        Set<String> spurious = new TreeSet<>();
        x.forEach(e -> spurious.addAll(e.dyads()));
        spurious.removeAll(goldDyads);

        boolean[] commitmentUsed = new boolean[p.commitments().size()];
        int commitmentsMatched = 0;
        List<Integer> missedCommitments = new ArrayList<>();
        for (int i = 0; i < gold.commitments().size(); i++) {
            Set<String> parties = gold.commitments().get(i).parties();
            int found = -1;
            for (int j = 0; j < p.commitments().size() && found < 0; j++) {
                if (!commitmentUsed[j] && (parties.isEmpty() || parties.equals(p.commitments().get(j).countries()))) {
                    found = j;
                }
            }
            if (found >= 0) {
                commitmentUsed[found] = true;
                commitmentsMatched++;
            } else {
                missedCommitments.add(i);
            }
        }
        List<Integer> extraCommitments = new ArrayList<>();
        for (int j = 0; j < commitmentUsed.length; j++) {
            if (!commitmentUsed[j]) {
                extraCommitments.add(j);
            }
        }
        return new ArticleResult(gold, text, p, List.copyOf(matched), List.copyOf(missed), List.copyOf(falsePositives),
                goldPeople.size(), predPeople.size(), peopleMatched, List.copyOf(missedPeople),
                List.copyOf(extraPeople), java.util.Collections.unmodifiableSet(spurious), commitmentsMatched, List.copyOf(missedCommitments),
                List.copyOf(extraCommitments));
    }

    /** The strict rules a prediction fails for a gold event: "dyad", "kind", "date"; empty when it matches. */
    public static List<String> failures(GoldArticle.Event gold, Prediction.Event predicted, LocalDate published) {
        List<String> failed = new ArrayList<>();
        if (!gold.countries().equals(predicted.countries())) {
            failed.add("dyad");
        }
        if (!kindMatches(gold.kind(), predicted)) {
            failed.add("kind");
        }
        if (!dateMatches(gold, predicted.date(), published)) {
            failed.add("date");
        }
        return failed;
    }

    public static boolean kindMatches(String goldKind, Prediction.Event predicted) {
        return goldKind.equals(predicted.kind()) || predicted.kinds().contains(goldKind);
    }

    public static boolean dateMatches(GoldArticle.Event gold, ResolvedDate predicted, LocalDate published) {
        if (predicted == null) {
            return false;
        }
        LocalDate[] window = window(gold, published);
        return !predicted.first().isBefore(window[0].minusDays(1)) && !predicted.last().isAfter(window[1].plusDays(1));
    }

    private static LocalDate[] window(GoldArticle.Event gold, LocalDate published) {
        if (gold.date() != null) {
            return new LocalDate[]{gold.date(), gold.date()};
        }
        if (gold.dateFrom() != null || gold.dateTo() != null) {
            LocalDate from = gold.dateFrom() != null ? gold.dateFrom() : gold.dateTo();
            LocalDate to = gold.dateTo() != null ? gold.dateTo() : gold.dateFrom();
            return new LocalDate[]{from, to};
        }
        return new LocalDate[]{published, published};
    }

    private static double pairScore(GoldArticle.Event gold, Prediction.Event predicted, LocalDate published) {
        LocalDate[] w = window(gold, published);
        long days = predicted.date().last().isBefore(w[0]) ? ChronoUnit.DAYS.between(predicted.date().last(), w[0])
                : predicted.date().first().isAfter(w[1]) ? ChronoUnit.DAYS.between(w[1], predicted.date().first()) : 0;
        long sharedPeople = gold.participants().stream().filter(p -> p.name() != null)
                .filter(p -> predicted.named().stream().anyMatch(n -> sameName(p.name(), n.name()))).count();
        boolean overlap = gold.evidence() != null && predicted.evidence().stream()
                .anyMatch(s -> s[0] < gold.evidence().end() && gold.evidence().start() < s[1]);
        return 100 - 10 * days + 5 * sharedPeople + (overlap ? 20 : 0) + (gold.kind().equals(predicted.kind()) ? 3 : 0);
    }

    private static Miss nearest(int index, GoldArticle.Event gold, List<Prediction.Event> predicted, LocalDate published) {
        Integer best = null;
        List<String> bestFailed = List.of("no prediction");
        for (int j = 0; j < predicted.size(); j++) {
            List<String> failed = failures(gold, predicted.get(j), published);
            if (failed.isEmpty()) {
                failed = List.of("taken by a better-matching gold event");
            }
            if (best == null || failed.size() < bestFailed.size()) {
                best = j;
                bestFailed = failed;
            }
        }
        return new Miss(index, best, bestFailed);
    }

    /** Two names of one person: equal when folded, or a surname (any word but the longer name's first) in common. */
    public static boolean sameName(String a, String b) {
        List<String> x = words(a);
        List<String> y = words(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y)) {
            return true;
        }
        List<String> shorter = x.size() <= y.size() ? x : y;
        List<String> longer = shorter == x ? y : x;
        return longer.containsAll(shorter) && shorter.stream().anyMatch(w -> longer.indexOf(w) > 0);
    }

    private static boolean countriesAgree(String gold, String predicted) {
        return gold == null || predicted == null || gold.equalsIgnoreCase(predicted);
    }

    private static List<String> words(String name) {
        String f = fold(name);
        return f.isEmpty() ? List.of() : Arrays.stream(f.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String fold(String s) {
        return s == null ? "" : Folding.fold(s).strip();
    }

    private static List<GoldArticle.Person> distinctGoldPeople(List<GoldArticle.Event> events) {
        Map<String, GoldArticle.Person> out = new LinkedHashMap<>();
        events.forEach(e -> e.participants().stream().filter(p -> p.name() != null)
                .forEach(p -> out.putIfAbsent(String.join(" ", words(p.name())) + "|" + p.country(), p)));
        return List.copyOf(out.values());
    }

    private static List<Prediction.Named> distinctPredictedPeople(List<Prediction.Event> events) {
        Map<String, Prediction.Named> out = new LinkedHashMap<>();
        events.forEach(e -> e.named().forEach(n -> out.putIfAbsent(String.join(" ", words(n.name())) + "|" + n.country(), n)));
        return List.copyOf(out.values());
    }

    /** The pairs "AA-BB" (sorted) of a set of country codes. */
    public static Set<String> dyads(Collection<String> countries) {
        List<String> codes = List.copyOf(new TreeSet<>(countries));
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                out.add(codes.get(i) + "-" + codes.get(j));
            }
        }
        return out;
    }
}
