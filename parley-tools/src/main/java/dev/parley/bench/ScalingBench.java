package dev.parley.bench;

import dev.parley.bench.CorpusGenerator.Generated;
import dev.parley.bench.CorpusGenerator.Kind;
import dev.parley.dedup.AnalyzedArticle;
import dev.parley.dedup.ArticleDecision;
import dev.parley.dedup.DedupConfig;
import dev.parley.dedup.DedupEngine;
import dev.parley.dedup.DedupResult;
import dev.parley.dedup.LshBanding;
import dev.parley.dedup.MinHash;
import dev.parley.dedup.PassageAligner;
import dev.parley.dedup.PassageMatch;
import dev.parley.dedup.Statement;
import dev.parley.dedup.StatementBuilder;
import dev.parley.dedup.Winnowing;
import dev.parley.dedup.store.Posting;
import dev.parley.dedup.store.StoredArticle;
import dev.parley.text.Hashing;
import dev.parley.text.Shingles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Per-article dedup cost with a small and a large index, through the real {@link DedupEngine} on RocksDB
 * ({@link RocksDbDedupStores}).
 *
 * <p>Indexing a million articles through the engine at its measured ~130 articles/s would take two hours, so the
 * index is <em>bulk-loaded</em> through the engine's own store API with what the engine itself would have written
 * for exact copies, near copies and unique articles: the article text and time, its decision, its exact-text key,
 * its 32 LSH band keys from its real MinHash signature and, for articles that are not copies, its winnowing
 * fingerprints, each bucket holding the earliest {@code bucketCap} postings as the engine keeps them, the
 * fingerprints' article counts (common phrases), and the passage graph: each generated reprint aligned with the
 * story it reprints (the one pair the generator puts a passage in; chance passages between unrelated articles are
 * not searched for), and the statements of each story's reprints with their memberships, as the engine's
 * {@link StatementBuilder} makes them. All articles lie within the 30-day horizon, so none is expired.
 *
 * <p>Measured: the same kind of arriving articles (stories, exact copies, near copies, reprints; copies and
 * reprints of stories of which about half are already indexed) through {@link DedupEngine#ingest}, timed one by
 * one after a warm-up of as many articles, the sizes interleaved article by article (see {@link #run}). Each index
 * is compacted before its warm-up (see {@link RocksDbDedupStores#compact()}). Heap and RSS are the process's,
 * with every size's index open.
 */
public final class ScalingBench {

    static final int CHUNK = 5_000;
    static final Duration SPAN = Duration.ofDays(28);

    public record Size(int indexed, double buildSeconds, double meanMs, double medianMs, double p90Ms,
                       double p99Ms, Map<String, Integer> probeDecisions, long heapBytes, long rssBytes,
                       long diskBytes, double loadAverage, Map<String, Reads> readsPerArticle) {
    }

    /** Point reads of one store per measured article, and the value bytes they returned. */
    public record Reads(double reads, double kilobytes) {
    }

    public record Report(int probes, List<Size> sizes) {
        public void print(PrintStream out) {
            for (Size s : sizes) {
                out.printf(Locale.ROOT, "indexed %,d (bulk load %.0f s): per article mean %.2f ms, median %.2f ms, "
                                + "p90 %.2f ms, p99 %.2f ms; probe decisions %s; heap after GC %s, RSS %s, RocksDB "
                                + "on disk %.0f MB; load average %.2f%n", s.indexed(), s.buildSeconds(), s.meanMs(),
                        s.medianMs(), s.p90Ms(), s.p99Ms(), s.probeDecisions(), Machine.mib(s.heapBytes()),
                        Machine.mib(s.rssBytes()), s.diskBytes() / 1e6, s.loadAverage());
                StringBuilder reads = new StringBuilder();
                s.readsPerArticle().forEach((store, r) -> reads.append(String.format(Locale.ROOT, " %s %.1f (%.1f kB)",
                        store, r.reads(), r.kilobytes())));
                out.printf(Locale.ROOT, "  reads per article:%s%n", reads);
            }
            if (sizes.size() >= 2) {
                Size small = sizes.get(0);
                Size large = sizes.get(sizes.size() - 1);
                double ratio = large.meanMs() / small.meanMs();
                out.printf(Locale.ROOT, "RESULT scaling mean per-article cost %,d vs %,d indexed: %.2f ms vs %.2f ms "
                                + "= %.2fx (median %.2fx; target <= 1.25x: %s)%n", large.indexed(), small.indexed(),
                        large.meanMs(), small.meanMs(), ratio, large.medianMs() / small.medianMs(),
                        ratio <= 1.25 ? "met" : "NOT met");
                out.printf(Locale.ROOT, "RESULT memory with %,d indexed: heap after GC %s (target <= 512 MiB: %s), "
                                + "RSS %s%n", large.indexed(), Machine.mib(large.heapBytes()),
                        large.heapBytes() <= 512L * 1024 * 1024 ? "met" : "NOT met", Machine.mib(large.rssBytes()));
            }
        }
    }

    private final CorpusGenerator generator;
    private final DedupConfig config = DedupConfig.defaults();
    private final MinHash minHash = new MinHash(config.permutations());
    private final PassageAligner aligner = new PassageAligner(config);
    private final StatementBuilder statementBuilder = new StatementBuilder(config);

    public ScalingBench(CorpusGenerator generator) {
        this.generator = generator;
    }

    /** One bulk-loaded index with its warm engine and the articles still to arrive. */
    private record Built(int indexed, Path dir, RocksDbDedupStores stores, DedupEngine engine, double buildSeconds,
                         List<Generated> probes) {
    }

    /**
     * Builds every index first, warms each engine up, then times the sizes' probes interleaved (the i-th probe of
     * each size in turn), so every size is measured under the same machine load: on a shared machine a size
     * measured minutes after another can see a different load, and the ratio would be the load's.
     */
    public Report run(List<Integer> sizes, int probes, long seed, Path workDir, PrintStream log) throws IOException {
        List<Built> built = new ArrayList<>();
        try {
            for (int indexed : sizes) {
                Path dir = Files.createDirectories(workDir.resolve("index-" + indexed));
                built.add(build(indexed, probes, seed, dir, log));
            }
            List<List<Double>> ms = new ArrayList<>();
            List<Map<String, Integer>> decisions = new ArrayList<>();
            List<Map<String, long[]>> readsBefore = new ArrayList<>();
            for (Built b : built) {
                ms.add(new ArrayList<>(probes));
                decisions.add(new TreeMap<>());
                Map<String, long[]> before = new LinkedHashMap<>();
                b.stores().byName().forEach((name, st) -> before.put(name, new long[] {st.reads(), st.readBytes()}));
                readsBefore.add(before);
            }
            double loadBefore = Machine.loadAverage();
            for (int i = 0; i < probes; i++) {
                for (int k = 0; k < built.size(); k++) {
                    Generated g = built.get(k).probes().get(i);
                    long t0 = System.nanoTime();
                    DedupResult r = built.get(k).engine().ingest("p-" + g.index(), g.publishedAt(), g.body());
                    ms.get(k).add((System.nanoTime() - t0) / 1e6);
                    String label = g.kind() + "->" + r.decision().kind() + (g.kind() == Kind.REPRINT
                            ? (r.newPassages().isEmpty() ? " no-passage" : " passage") : "");
                    decisions.get(k).merge(label, 1, Integer::sum);
                }
            }
            double load = Math.max(loadBefore, Machine.loadAverage());
            long heap = Machine.heapAfterGc();
            long rss = Machine.residentSetBytes();
            List<Size> results = new ArrayList<>();
            for (int k = 0; k < built.size(); k++) {
                Built b = built.get(k);
                Map<String, long[]> before = readsBefore.get(k);
                Map<String, Reads> reads = new LinkedHashMap<>();
                b.stores().byName().forEach((name, st) -> reads.put(name, new Reads(
                        (double) (st.reads() - before.get(name)[0]) / probes,
                        (st.readBytes() - before.get(name)[1]) / 1e3 / probes)));
                List<Double> times = ms.get(k);
                double mean = times.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                results.add(new Size(b.indexed(), b.buildSeconds(), mean, Stats.percentile(times, 50),
                        Stats.percentile(times, 90), Stats.percentile(times, 99), decisions.get(k), heap, rss,
                        bytesUnder(b.dir()), load, reads));
                log.printf(Locale.ROOT, "  indexed %,d: mean %.2f ms/article%n", b.indexed(), mean);
            }
            return new Report(probes, results);
        } finally {
            for (Built b : built) {
                b.stores().close();
                BenchEnvironment.deleteRecursively(b.dir());
            }
        }
    }

    private Built build(int indexed, int probes, long seed, Path dir, PrintStream log) {
        long rateStep = SPAN.toMillis() / (indexed + 2L * probes);
        RocksDbDedupStores stores = new RocksDbDedupStores(dir);
        long begin = System.nanoTime();
        int bulk = indexed - probes;
        int chunks = (bulk + CHUNK - 1) / CHUNK;
        for (int c = 0; c < chunks; c++) {
            int size = Math.min(CHUNK, bulk - c * CHUNK);
            Instant from = BenchArticles.START.plusMillis((long) c * CHUNK * rateStep);
            List<Generated> chunk = generator.generate(size, CorpusGenerator.Shares.DEFAULT, from,
                    Duration.ofMillis(size * rateStep), seed * 1_000_003L + c);
            bulkLoad(stores, chunk, "c" + c + "-");
            if (c % 20 == 19) {
                log.printf(Locale.ROOT, "    ... %,d indexed after %.0f s%n", (c + 1) * CHUNK,
                        (System.nanoTime() - begin) / 1e9);
            }
        }
        // The last chunk: its first third indexed too, the second the warm-up, the third measured.
        Instant from = BenchArticles.START.plusMillis((long) bulk * rateStep);
        List<Generated> last = generator.generate(3 * probes, CorpusGenerator.Shares.DEFAULT, from,
                Duration.ofMillis(3L * probes * rateStep), seed * 7_919L + indexed);
        bulkLoad(stores, last.subList(0, probes), "p-");
        stores.flush();
        stores.compact();
        double buildSeconds = (System.nanoTime() - begin) / 1e9;
        DedupEngine engine = new DedupEngine(config, stores);
        for (Generated g : last.subList(probes, 2 * probes)) {
            engine.ingest("p-" + g.index(), g.publishedAt(), g.body());
        }
        log.printf(Locale.ROOT, "  indexed %,d: built and warmed up after %.0f s%n", indexed,
                (System.nanoTime() - begin) / 1e9);
        return new Built(indexed, dir, stores, engine, buildSeconds, last.subList(2 * probes, 3 * probes));
    }

    /**
     * Writes what the engine would have stored for these articles (see class comment), in one batch per store,
     * merging each bucket with what is already indexed and keeping the earliest {@code bucketCap} postings.
     */
    void bulkLoad(RocksDbDedupStores stores, List<Generated> chunk, String idPrefix) {
        record Loaded(Generated g, AnalyzedArticle a, List<String> bands, long[] fingerprints) {
        }
        List<Loaded> loaded = IntStream.range(0, chunk.size()).parallel().mapToObj(i -> {
            Generated g = chunk.get(i);
            AnalyzedArticle a = AnalyzedArticle.of(idPrefix + g.index(), g.publishedAt().toEpochMilli(), g.body(),
                    config.shingleWords());
            List<String> bands = LshBanding.bandKeys(minHash.signature(a.shingleSet()), config.bands(), config.rows());
            long[] fps = Winnowing.fingerprints(a.positionalShingles(), config.winnowWindow()).stream()
                    .mapToLong(Winnowing.Fingerprint::hash).distinct().sorted().toArray();
            return new Loaded(g, a, bands, fps);
        }).toList();
        Map<Integer, AnalyzedArticle> byIndex = new HashMap<>();
        loaded.forEach(l -> byIndex.put(l.g().index(), l.a()));

        Map<String, StoredArticle> articles = new LinkedHashMap<>();
        Map<String, ArticleDecision> decisions = new LinkedHashMap<>();
        Map<String, List<Posting>> buckets = new HashMap<>();
        for (Loaded l : loaded) {
            AnalyzedArticle a = l.a();
            articles.put(a.id(), new StoredArticle(a.id(), a.publishedAtMillis(), a.text(),
                    dev.parley.dedup.PackedAnalysis.pack(a, config.shingleWords())));
            decisions.put(a.id(), decision(l.g(), a, byIndex.get(l.g().sourceIndex())));
            Posting p = new Posting(a.id(), a.publishedAtMillis());
            buckets.computeIfAbsent(a.exactKey(), k -> new ArrayList<>()).add(p);
            l.bands().forEach(b -> buckets.computeIfAbsent(b, k -> new ArrayList<>()).add(p));
            if (l.g().kind() == Kind.STORY || l.g().kind() == Kind.REPRINT) {
                for (long fp : l.fingerprints()) {
                    buckets.computeIfAbsent("f:" + Hashing.hex16(fp), k -> new ArrayList<>()).add(p);
                }
            }
        }
        stores.articles().putAll(articles);
        stores.decisions().putAll(decisions);
        Map<String, List<Posting>> merged = new HashMap<>(buckets.size() * 2);
        buckets.forEach((key, added) -> {
            List<Posting> all = new ArrayList<>(stores.postings().get(key).orElse(List.of()));
            all.addAll(added);
            all.sort(Posting.EARLIEST_FIRST);
            merged.put(key, List.copyOf(all.subList(0, Math.min(all.size(), config.bucketCap()))));
        });
        stores.postings().putAll(merged);

        Map<String, Integer> phrases = new HashMap<>();
        for (Loaded l : loaded) {
            for (long fp : l.fingerprints()) {
                phrases.merge("f:" + Hashing.hex16(fp), 1, Integer::sum);
            }
        }
        Map<String, Integer> counted = new HashMap<>(phrases.size() * 2);
        phrases.forEach((key, n) -> counted.put(key, stores.phraseArticles().get(key).orElse(0) + n));
        stores.phraseArticles().putAll(counted);
        loadPassageGraph(stores, loaded.stream().map(Loaded::g).toList(), byIndex);
    }

    /** Each reprint aligned with its story; each story's reprints grouped into statements. */
    private void loadPassageGraph(RocksDbDedupStores stores, List<Generated> chunk,
                                  Map<Integer, AnalyzedArticle> byIndex) {
        Map<Integer, List<PassageMatch>> byStory = new TreeMap<>();
        Map<String, List<PassageMatch>> passages = new HashMap<>();
        for (Generated g : chunk) {
            AnalyzedArticle story = byIndex.get(g.sourceIndex());
            if (g.kind() != Kind.REPRINT || story == null) {
                continue;
            }
            AnalyzedArticle reprint = byIndex.get(g.index());
            List<PassageMatch> matches = aligner.align(reprint, story);
            if (!matches.isEmpty()) {
                byStory.computeIfAbsent(g.sourceIndex(), k -> new ArrayList<>()).addAll(matches);
                passages.computeIfAbsent(reprint.id(), k -> new ArrayList<>()).addAll(matches);
                passages.computeIfAbsent(story.id(), k -> new ArrayList<>()).addAll(matches);
            }
        }
        Map<String, AnalyzedArticle> byId = new HashMap<>();
        byIndex.values().forEach(a -> byId.put(a.id(), a));
        Map<String, Statement> statements = new HashMap<>();
        Map<String, List<String>> byArticle = new HashMap<>();
        byStory.forEach((storyIndex, matches) -> {
            Map<String, AnalyzedArticle> articles = new TreeMap<>();
            for (PassageMatch m : matches) {
                articles.put(m.articleA(), byId.get(m.articleA()));
                articles.put(m.articleB(), byId.get(m.articleB()));
            }
            for (Statement st : statementBuilder.build(articles, matches)) {
                statements.put(st.id(), st);
                st.articleIds().forEach(id -> byArticle.computeIfAbsent(id, k -> new ArrayList<>()).add(st.id()));
            }
        });
        Map<String, List<PassageMatch>> sortedPassages = new HashMap<>();
        passages.forEach((id, list) -> sortedPassages.put(id, List.copyOf(list.stream().distinct()
                .sorted(java.util.Comparator.comparing(PassageMatch::articleA).thenComparing(PassageMatch::articleB)
                        .thenComparingInt(PassageMatch::wordStartA).thenComparingInt(PassageMatch::wordStartB))
                .toList())));
        stores.passages().putAll(sortedPassages);
        stores.statements().putAll(statements);
        Map<String, List<String>> sortedByArticle = new HashMap<>();
        byArticle.forEach((id, ids) -> sortedByArticle.put(id, ids.stream().sorted().distinct().toList()));
        stores.statementsByArticle().putAll(sortedByArticle);
    }

    private ArticleDecision decision(Generated g, AnalyzedArticle a, AnalyzedArticle source) {
        if (g.kind() == Kind.EXACT_COPY || g.kind() == Kind.NEAR_COPY) {
            boolean exact = g.kind() == Kind.EXACT_COPY;
            double j = exact ? 1.0 : Shingles.jaccard(a.shingleSet(), source.shingleSet());
            double c = exact ? 1.0 : Shingles.containment(a.shingleSet(), source.shingleSet());
            return new ArticleDecision(a.id(), a.publishedAtMillis(),
                    exact ? ArticleDecision.Kind.EXACT_COPY : ArticleDecision.Kind.NEAR_DUPLICATE, source.id(), j, c,
                    exact ? "exact-text" : "minhash-lsh+jaccard", config.jaccardThreshold(),
                    config.containmentThreshold(), config.algorithmVersion());
        }
        return new ArticleDecision(a.id(), a.publishedAtMillis(), ArticleDecision.Kind.UNIQUE, a.id(), 1.0, 1.0,
                "unique", config.jaccardThreshold(), config.containmentThreshold(), config.algorithmVersion());
    }

    private static long bytesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }
}
