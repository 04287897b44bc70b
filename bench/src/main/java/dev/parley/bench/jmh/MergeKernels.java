package dev.parley.bench.jmh;

import dev.parley.engagement.EngagementMerger;
import dev.parley.engagement.EngagementState;
import dev.parley.extract.Ontology;
import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.ArticleInput;
import dev.parley.extract.Gazetteer;
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

/** EngagementMerger.merge of the extracted facts of N generated articles, from scratch (what the stage recomputes). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class MergeKernels {

    @Param({"100", "1000"})
    public int articles;

    private List<ArticleFacts> facts;
    private EngagementMerger merger;

    @Setup(Level.Trial)
    public void setUp() {
        ArticleExtractor extractor = ArticleExtractor.withDefaults();
        facts = KernelInputs.articles(articles).stream().map(ArticleInput::of).map(extractor::extract).toList();
        merger = new EngagementMerger(Ontology.loadDefault(), Gazetteer.loadDefault());
    }

    @Benchmark
    public EngagementState engagementMerge() {
        return merger.merge(facts);
    }
}
