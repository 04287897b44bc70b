package dev.parley.bench;

import dev.parley.nlp.SentenceParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Cost of the NLP layer per language: pipeline load time (the first parse builds it), heap after the load, and
 * parse time per sentence on the team-written sentences in {@code nlp-sentences.tsv}, after one warm-up pass.
 */
public final class NlpBench {

    /** One language's figures; times in milliseconds. */
    public record LanguageReport(String language, int sentences, double loadMs, long heapAfterLoad,
                                 double meanMs, double p99Ms, double maxMs, int samples) {
        void print(PrintStream out) {
            out.printf(Locale.ROOT, "RESULT nlp %s: pipeline load %.1f s, heap after load %s; parse per sentence "
                            + "mean %.1f ms, p99 %.1f ms, max %.1f ms (%d sentences x repetitions = %d samples)%n",
                    language, loadMs / 1000, Machine.mib(heapAfterLoad), meanMs, p99Ms, maxMs, sentences, samples);
        }
    }

    public record Sentence(String language, String text) {
    }

    private NlpBench() {
    }

    /** Runs the languages in order: each one's heap figure includes the pipelines loaded before it. */
    public static List<LanguageReport> run(SentenceParser parser, List<String> languages, int repetitions,
                                           PrintStream out) {
        List<Sentence> all = sentences();
        out.printf(Locale.ROOT, "# heap before any pipeline: %s%n", Machine.mib(Machine.heapAfterGc()));
        List<LanguageReport> reports = new ArrayList<>();
        for (String language : languages) {
            List<String> texts = all.stream().filter(s -> s.language().equals(language)).map(Sentence::text).toList();
            long start = System.nanoTime();
            parser.parse(texts.get(0), language);
            double loadMs = (System.nanoTime() - start) / 1e6;
            long heap = Machine.heapAfterGc();
            texts.forEach(t -> parser.parse(t, language));
            List<Double> samples = new ArrayList<>();
            for (int r = 0; r < repetitions; r++) {
                for (String text : texts) {
                    long t0 = System.nanoTime();
                    parser.parse(text, language);
                    samples.add((System.nanoTime() - t0) / 1e6);
                }
            }
            double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            LanguageReport report = new LanguageReport(language, texts.size(), loadMs, heap, mean,
                    Stats.percentile(samples, 99), Stats.percentile(samples, 100), samples.size());
            report.print(out);
            reports.add(report);
        }
        out.printf(Locale.ROOT, "RESULT nlp heap with all pipelines loaded %s, RSS %s, load average %.2f%n",
                Machine.mib(Machine.heapAfterGc()), Machine.mib(Machine.residentSetBytes()), Machine.loadAverage());
        return reports;
    }

    public static List<Sentence> sentences() {
        var in = Objects.requireNonNull(NlpBench.class.getResourceAsStream("nlp-sentences.tsv"));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", 2)).map(p -> new Sentence(p[0], p[1])).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
