package dev.parley.eval;

import dev.parley.extract.ResolvedDate;

import java.util.List;
import java.util.Set;

/** What the extractor (and the per-article merge) gave for one article, in the terms the gold labels use. */
public record Prediction(List<Event> events, List<Commitment> commitments, long extractionNanos) {

    /** A named participant: a person, organisation or group with a name (not an unnamed office, not a country). */
    public record Named(String name, String country) {
    }

    /** @param evidence code-point spans in the source text of the passages that report the event (may be empty) */
    public record Event(String kind, Set<String> kinds, Set<String> countries, ResolvedDate date, List<Named> named,
                        List<int[]> evidence) {

        public Set<String> dyads() {
            return Scoring.dyads(countries);
        }
    }

    public record Commitment(String description, Set<String> countries, ResolvedDate due) {
    }
}
