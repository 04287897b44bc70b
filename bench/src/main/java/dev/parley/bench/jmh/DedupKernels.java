package dev.parley.bench.jmh;

import dev.parley.bench.CorpusGenerator.Generated;
import dev.parley.bench.CorpusGenerator.Kind;
import dev.parley.dedup.AnalyzedArticle;
import dev.parley.dedup.LshBanding;
import dev.parley.dedup.MinHash;
import dev.parley.dedup.PassageAligner;
import dev.parley.dedup.PassageMatch;
import dev.parley.dedup.Winnowing;
import dev.parley.dedup.store.Posting;
import dev.parley.text.Shingles;
import dev.parley.text.TextNormalizer;
import dev.parley.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dedup engine's kernels, one article per operation (cycling through 400 generated ones): average time per
 * article; with {@code -prof gc}, bytes allocated per article.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DedupKernels {

    private List<Generated> corpus;
    private List<AnalyzedArticle> analyzed;
    private List<long[]> signatures;
    private List<AnalyzedArticle[]> reprintPairs;
    private Map<String, List<Posting>> bandIndex;
    private final MinHash minHash = new MinHash(KernelInputs.CONFIG.permutations());
    private final PassageAligner aligner = new PassageAligner(KernelInputs.CONFIG);
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        corpus = KernelInputs.corpus(400);
        analyzed = corpus.stream().map(KernelInputs::analyzed).toList();
        signatures = analyzed.stream().map(a -> minHash.signature(a.shingleSet())).toList();
        reprintPairs = new ArrayList<>();
        for (Generated g : corpus) {
            if (g.kind() == Kind.REPRINT) {
                reprintPairs.add(new AnalyzedArticle[] {analyzed.get(g.index()), analyzed.get(g.sourceIndex())});
            }
        }
        // An in-memory band index of every article, as the postings store holds it.
        bandIndex = new HashMap<>();
        for (int i = 0; i < analyzed.size(); i++) {
            Posting p = new Posting(analyzed.get(i).id(), analyzed.get(i).publishedAtMillis());
            for (String key : LshBanding.bandKeys(signatures.get(i), KernelInputs.CONFIG.bands(),
                    KernelInputs.CONFIG.rows())) {
                bandIndex.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            }
        }
    }

    private int nextIndex(int size) {
        next = next + 1 == size ? 0 : next + 1;
        return next;
    }

    /** TextNormalizer.normalize, then tokenising and word 5-shingles (positional hashes and the sorted set). */
    @Benchmark
    public long[] normaliseAndShingle() {
        String body = corpus.get(nextIndex(corpus.size())).body();
        String normalised = TextNormalizer.normalize(body);
        long[] positional = Shingles.positional(Tokenizer.tokenize(normalised), KernelInputs.CONFIG.shingleWords());
        return Shingles.set(positional);
    }

    /** The whole per-article analysis the engine does (tokens, shingles, exact-text key). */
    @Benchmark
    public AnalyzedArticle analyse() {
        return KernelInputs.analyzed(corpus.get(nextIndex(corpus.size())));
    }

    /** MinHash signature (128 permutations) of a shingle set. */
    @Benchmark
    public long[] minHashSignature() {
        return minHash.signature(analyzed.get(nextIndex(analyzed.size())).shingleSet());
    }

    /** LSH lookup: 32 band keys from a signature and their buckets in an in-memory index of 400 articles. */
    @Benchmark
    public int lshLookup() {
        int hits = 0;
        for (String key : LshBanding.bandKeys(signatures.get(nextIndex(signatures.size())), KernelInputs.CONFIG.bands(),
                KernelInputs.CONFIG.rows())) {
            List<Posting> bucket = bandIndex.get(key);
            hits += bucket == null ? 0 : bucket.size();
        }
        return hits;
    }

    /** Winnowing fingerprints of an article (the passage index keys). */
    @Benchmark
    public int winnowing() {
        return Winnowing.fingerprints(analyzed.get(nextIndex(analyzed.size())).positionalShingles(),
                KernelInputs.CONFIG.winnowWindow()).size();
    }

    /** Passage alignment of a reprint with the article it reprints from (a pair that does share a passage). */
    @Benchmark
    public List<PassageMatch> passageAlignment() {
        AnalyzedArticle[] pair = reprintPairs.get(nextIndex(reprintPairs.size()));
        return aligner.align(pair[0], pair[1]);
    }

    /** Passage alignment of two unrelated stories (what most candidate partners are). */
    @Benchmark
    public List<PassageMatch> passageAlignmentUnrelated() {
        int i = nextIndex(analyzed.size());
        return aligner.align(analyzed.get(i), analyzed.get((i + 7) % analyzed.size()));
    }
}
