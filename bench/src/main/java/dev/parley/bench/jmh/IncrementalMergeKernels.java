package dev.parley.bench.jmh;

import dev.parley.bench.ShiftedHistory;
import dev.parley.engagement.EngagementMerger;
import dev.parley.engagement.EngagementState;
import dev.parley.engagement.IncrementalMerge;
import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.ArticleInput;
import java.util.ArrayList;
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
 * Merge cost of one changed article with {@code history} articles' facts already merged: the whole-set merge the
 * stage ran before, against the incremental merge. The history is {@link ShiftedHistory}: the extracted facts of
 * {@code episode} generated articles (seeds and samples texts), repeated every ten weeks under new ids. Each
 * invocation replaces the newest article's facts with another article's (alternating), so every call is a real
 * change of a block at the end of history. {@code -p texts=seeds} takes the seeds as the episode (a standing body's
 * undated commitment in every episode).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class IncrementalMergeKernels {

    @Param({"1000", "10000"})
    public int history;

    @Param({"100"})
    public int episode;

    /**
     * What an episode is: {@code generated} articles ({@code episode} of them), or {@code seeds}, the seed texts
     * themselves (the first directory of {@code parley.bench.bases}), whose every episode repeats an undated
     * commitment of one standing body.
     */
    @Param({"generated"})
    public String texts;

    private EngagementMerger merger;
    private List<ArticleFacts> withProbe;
    private List<ArticleFacts> withAlternative;
    private ArticleFacts probe;
    private ArticleFacts alternative;
    private IncrementalMerge incremental;
    private boolean flip;

    @Setup(Level.Trial)
    public void setUp() {
        ArticleExtractor extractor = ArticleExtractor.withDefaults();
        merger = new EngagementMerger(extractor.ontology(), extractor.gazetteer());
        List<ArticleFacts> base = (texts.equals("seeds") ? KernelInputs.seedInputs()
                : KernelInputs.articles(episode).stream().map(ArticleInput::of).toList())
                .stream().map(extractor::extract).toList();
        withProbe = ShiftedHistory.of(base, history, 70);
        // The newest article that reports a commitment (its change reaches both stages), and another article of
        // its episode with events, under the probe's id.
        int last = withProbe.size() - 1;
        int p = last;
        while (withProbe.get(p).commitments().isEmpty()) {
            p--;
        }
        int a = last;
        while (a == p || withProbe.get(a).events().isEmpty()) {
            a--;
        }
        probe = withProbe.get(p);
        alternative = ShiftedHistory.renamed(withProbe.get(a), probe.articleId());
        withAlternative = new ArrayList<>(withProbe);
        withAlternative.set(p, alternative);
        incremental = new IncrementalMerge(merger);
        withProbe.forEach(incremental::put);
        incremental.refresh();
        incremental.put(alternative);
        IncrementalMerge.Changes one = incremental.refresh();
        incremental.put(probe);
        IncrementalMerge.Changes back = incremental.refresh();
        // What a change costs here, printed once per trial so the numbers can be read against it.
        System.out.printf("history %d: a change re-merges %d / %d articles and %d / %d agreed reports%n", history,
                one.mergedArticles(), back.mergedArticles(), one.mergedReports(), back.mergedReports());
    }

    @Benchmark
    public EngagementState wholeSet() {
        flip = !flip;
        return merger.merge(flip ? withAlternative : withProbe);
    }

    @Benchmark
    public IncrementalMerge.Changes incremental() {
        flip = !flip;
        incremental.put(flip ? alternative : probe);
        return incremental.refresh();
    }
}
