package dev.parley.bench.jmh;

import dev.parley.avro.Article;
import dev.parley.bench.CorpusGenerator.Generated;
import dev.parley.dedup.DedupEngine;
import dev.parley.dedup.DedupResult;
import dev.parley.dedup.store.InMemoryDedupStores;
import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.ArticleInput;
import java.util.List;
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

/** Per-article extraction and the whole dedup engine per article (in memory). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class EngineKernels {

    private List<Generated> corpus;
    private List<ArticleInput> inputs;
    private ArticleExtractor extractor;
    private DedupEngine engine;
    private int next;
    private long ingested;

    @Setup(Level.Trial)
    public void setUp() {
        corpus = KernelInputs.corpus(1000);
        List<Article> articles = KernelInputs.articles(1000);
        inputs = articles.stream().map(ArticleInput::of).toList();
        extractor = ArticleExtractor.withDefaults();
    }

    /** A fresh in-memory engine per iteration, so the index grows only within an iteration. */
    @Setup(Level.Iteration)
    public void freshEngine() {
        engine = new DedupEngine(KernelInputs.CONFIG, new InMemoryDedupStores());
    }

    /** ArticleExtractor.extract on one generated article (sentences, mentions, events, commitments, dates). */
    @Benchmark
    public ArticleFacts extraction() {
        next = next + 1 == inputs.size() ? 0 : next + 1;
        return extractor.extract(inputs.get(next));
    }

    /**
     * DedupEngine.ingest of one article (all three levels) on in-memory stores: the articles arrive in corpus order
     * and, past the end, again under new ids (so the index keeps growing within an iteration).
     */
    @Benchmark
    public DedupResult dedupEngineIngest() {
        Generated g = corpus.get((int) (ingested % corpus.size()));
        long round = ingested / corpus.size();
        ingested++;
        return engine.ingest("r" + round + "-" + g.index(), g.publishedAt().plusSeconds(round * 86_400L * 40),
                g.body());
    }
}
