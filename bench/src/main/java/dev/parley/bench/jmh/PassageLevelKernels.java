package dev.parley.bench.jmh;

import dev.parley.bench.CorpusGenerator.Generated;
import dev.parley.dedup.DedupEngine;
import dev.parley.dedup.DedupPlan;
import dev.parley.dedup.store.InMemoryDedupStores;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dedup engine per arriving article with {@code indexed} generated articles already in the index (in-memory
 * stores): one operation plans one probe article (cycling through 400 generated after the indexed ones) and
 * discards the plan, so the index stays the same size. A fresh engine per operation: its analysis cache is empty,
 * as it almost always is for partners at a large index (BENCHMARKS.md §2), so every partner is read from the store.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class PassageLevelKernels {

    private static final int PROBES = 400;

    @Param("10000")
    public int indexed;

    private InMemoryDedupStores stores;
    private List<Generated> probes;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        List<Generated> corpus = KernelInputs.corpus(indexed + PROBES);
        stores = new InMemoryDedupStores();
        DedupEngine loader = new DedupEngine(KernelInputs.CONFIG, stores);
        for (Generated g : corpus.subList(0, indexed)) {
            loader.ingest("g" + g.index(), g.publishedAt(), g.body());
        }
        probes = corpus.subList(indexed, indexed + PROBES);
    }

    /** Plans one arriving article against the index (exact, LSH and the passage level), the plan discarded. */
    @Benchmark
    public DedupPlan planAgainstIndex() {
        next = next + 1 == probes.size() ? 0 : next + 1;
        Generated g = probes.get(next);
        return new DedupEngine(KernelInputs.CONFIG, stores).plan("g" + g.index(), g.publishedAt(), g.body());
    }
}
