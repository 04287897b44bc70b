package dev.parley.bench.jmh;

import dev.parley.avro.Article;
import dev.parley.bench.BenchArticles;
import dev.parley.bench.CorpusGenerator;
import dev.parley.bench.CorpusGenerator.Generated;
import dev.parley.dedup.AnalyzedArticle;
import dev.parley.dedup.DedupConfig;
import dev.parley.extract.ArticleInput;
import dev.parley.extract.report.IngestedCorpus;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The kernels' inputs: generated articles (BENCHMARKS.md, corpus generator) built from the seeds and samples,
 * found through {@code -Dparley.bench.bases=DIR,DIR} or, by default, {@code ../shared/seeds,samples} from the
 * repository root. Generated once per JVM fork, with a fixed seed.
 */
final class KernelInputs {

    static final DedupConfig CONFIG = DedupConfig.defaults();

    private static List<Generated> corpus;

    private KernelInputs() {
    }

    static synchronized List<Generated> corpus(int count) {
        if (corpus == null || corpus.size() < count) {
            corpus = BenchArticles.generate(bases(), count, CorpusGenerator.Shares.DEFAULT, 20, 1);
        }
        return corpus.subList(0, count);
    }

    /** The seed texts as the extractor reads them (the first directory of the bases). */
    static List<ArticleInput> seedInputs() {
        return IngestedCorpus.read(bases().get(0)).articles();
    }

    private static List<Path> bases() {
        String bases = System.getProperty("parley.bench.bases", "../shared/seeds,samples");
        return Arrays.stream(bases.split(",")).map(String::strip).map(Path::of).toList();
    }

    static List<Article> articles(int count) {
        return BenchArticles.ingested(corpus(count));
    }

    static AnalyzedArticle analyzed(Generated g) {
        return AnalyzedArticle.of("g" + g.index(), g.publishedAt().toEpochMilli(), g.body(), CONFIG.shingleWords());
    }
}
